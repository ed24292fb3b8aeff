//! Choosing a contact by what a person types: suggestions by name, and the one contact a
//! submitted text means, or why it means none or several.

use crate::ledger::fixtures::{company, now};
use app::store::contacts::pick::{option, pick, suggest, PickError};

#[tokio::test]
async fn a_typed_name_picks_its_one_contact_and_an_ambiguous_one_is_explained() {
    let c = company().await;
    let ann = c.contact("Ann").await;
    c.contact("Annabel").await;
    let bob = c.contact("Bob").await;

    let suggested = suggest(&c.pool, "ann", 8, now()).await.unwrap();
    let names: Vec<&str> = suggested.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(names[0], format!("Ann · ann@example.net (#{})", ann.0));

    assert_eq!(pick(&c.pool, "bob", now()).await.unwrap(), Ok(bob));
    assert_eq!(
        pick(&c.pool, &suggested[0].label, now()).await.unwrap(),
        Ok(ann)
    );
    assert_eq!(
        pick(&c.pool, &ann.0.to_string(), now()).await.unwrap(),
        Ok(ann)
    );
    let label = option(&c.pool, ann).await.unwrap().unwrap().label;
    assert_eq!(pick(&c.pool, &label, now()).await.unwrap(), Ok(ann));

    let several = pick(&c.pool, "An", now()).await.unwrap().unwrap_err();
    assert_eq!(
        several.to_string(),
        "2 contacts match “An” (Ann · ann@example.net, Annabel · annabel@example.net); type more of the name or email, or pick one from the list"
    );
    // A whole name or address picks its contact, though it is also part of another's.
    c.contact("Joann").await;
    assert_eq!(pick(&c.pool, "ANN", now()).await.unwrap(), Ok(ann));
    assert_eq!(
        pick(&c.pool, "ann@example.net", now()).await.unwrap(),
        Ok(ann)
    );
    assert!(matches!(
        pick(&c.pool, "nn@example", now()).await.unwrap(),
        Err(PickError::Several { .. })
    ));
    assert_eq!(
        pick(&c.pool, "Zed", now()).await.unwrap(),
        Err(PickError::NoMatch("Zed".into()))
    );
    assert_eq!(
        pick(&c.pool, "999999", now()).await.unwrap(),
        Err(PickError::NoMatch("999999".into()))
    );
    assert_eq!(
        pick(&c.pool, "  ", now()).await.unwrap(),
        Err(PickError::Empty)
    );
}
