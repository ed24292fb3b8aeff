import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: '/work/wt-admin/end2end/probe', timeout: 60000, reporter: 'list', use: { launchOptions: { executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] } } });
