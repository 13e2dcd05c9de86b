//! The organisation names prepared once per directory for the search: every name and alias
//! normalized (`search::normalize`), as chars, with the set of characters it holds as a 64-bit
//! mask, so a keystroke neither normalizes 5,000 names again nor runs the typo comparison on a
//! name that lacks too many of the query's letters.
//!
//! Knows nothing of scoring or ranking (`search`), nor of where the organisations come from.

use claimcheck_engine::model::Organisation;
use std::cell::RefCell;
use std::rc::Rc;

/// One name or alias, ready to compare.
pub struct Name {
    pub text: String,
    pub chars: Vec<char>,
    pub mask: u64,
}

impl Name {
    fn new(raw: &str) -> Name {
        let text = crate::search::normalize(raw);
        let chars: Vec<char> = text.chars().collect();
        let mask = chars.iter().fold(0, |m, &c| m | bit(c));
        Name { text, chars, mask }
    }
}

/// The mask bit of a normalized character: one per ASCII letter and digit, the rest shared
/// among a few buckets (a shared bit can only say "maybe present", never "absent" wrongly).
pub fn bit(c: char) -> u64 {
    let n = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        ' ' => 36,
        _ => 37 + (c as u32) % 27,
    };
    1 << n
}

/// The prepared names of one organisation list: `names[i]` holds organisation `i`'s name then
/// its aliases, in their order.
pub struct Index {
    key: (usize, usize),
    pub names: Vec<Vec<Name>>,
}

thread_local! {
    static CACHE: RefCell<Option<Rc<Index>>> = const { RefCell::new(None) };
}

/// The index of `orgs`, built on first use and kept while the same list is searched (the
/// directory's list, then the whole pack's once it arrives: built once each). A list is known
/// by its address and length: `'static` lists (the app's packs are never freed) cannot be
/// replaced by another at the same address.
pub fn index(orgs: &'static [Organisation]) -> Rc<Index> {
    let key = (orgs.as_ptr() as usize, orgs.len());
    CACHE.with(|cell| {
        let mut slot = cell.borrow_mut();
        match &*slot {
            Some(ix) if ix.key == key => ix.clone(),
            _ => {
                let ix = Rc::new(build(orgs, key));
                *slot = Some(ix.clone());
                ix
            }
        }
    })
}

fn build(orgs: &[Organisation], key: (usize, usize)) -> Index {
    let names = orgs
        .iter()
        .map(|o| {
            std::iter::once(&o.name)
                .chain(&o.aliases)
                .map(|n| Name::new(n))
                .collect()
        })
        .collect();
    Index { key, names }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mask_holds_every_character_of_the_name() {
        let n = Name::new("Connexin Software (東京)");
        assert_eq!(n.text, "connexin software 東京");
        for c in n.chars.iter() {
            assert_ne!(n.mask & bit(*c), 0, "{c}");
        }
        assert_eq!(n.mask & bit('z'), 0);
        assert_eq!(n.mask & bit('7'), 0);
    }
}
