//! France: the public holidays of the Code du travail (L3133-1), never moved when they fall
//! on a weekend, plus Good Friday and St Stephen's Day in Alsace-Moselle (L3134-13).

use super::{easter, ymd, Holiday};
use crate::domain::compliance::place::Region;

/// Whether the region is one of Alsace-Moselle's departments (Moselle, Bas-Rhin, Haut-Rhin) or
/// the European Collectivity of Alsace.
fn alsace_moselle(region: Option<Region>) -> bool {
    region.is_some_and(|r| matches!(r.sub(), "57" | "67" | "68" | "6AE"))
}

pub(super) fn holidays(year: i32, region: Option<Region>) -> Vec<Holiday> {
    let mut list = vec![
        Holiday::on(ymd(year, 1, 1), "Jour de l'an"),
        Holiday::on(easter(year, 1), "Lundi de Pâques"),
        Holiday::on(ymd(year, 5, 1), "Fête du Travail"),
        Holiday::on(ymd(year, 5, 8), "Victoire 1945"),
        Holiday::on(easter(year, 39), "Ascension"),
        Holiday::on(easter(year, 50), "Lundi de Pentecôte"),
        Holiday::on(ymd(year, 7, 14), "Fête nationale"),
        Holiday::on(ymd(year, 8, 15), "Assomption"),
        Holiday::on(ymd(year, 11, 1), "Toussaint"),
        Holiday::on(ymd(year, 11, 11), "Armistice 1918"),
        Holiday::on(ymd(year, 12, 25), "Noël"),
    ];
    if alsace_moselle(region) {
        list.push(Holiday::on(easter(year, -2), "Vendredi saint"));
        list.push(Holiday::on(ymd(year, 12, 26), "Saint-Étienne"));
    }
    list
}
