//! What a field rule is: the type every rule module declares its `RULES` with. Lives below
//! the rules so that they import it and the registry imports them, never the other way.

use crate::context::Context;
use crate::message::Code;
use crate::outcome::Outcome;

/// One field rule. `check` receives a value that already passed the shared screening
/// (size, forbidden characters, not blank) and records findings in the outcome.
pub struct Rule {
    /// Field id, the public contract (`resident_id`, `uscc`, ...).
    pub id: &'static str,
    /// Rule family, for documentation grouping (`identity`, `domain`, ...).
    pub family: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// Every code `check` can emit, for the generated field reference.
    pub codes: &'static [&'static Code],
    /// Longest accepted value in UTF-8 bytes.
    pub max_bytes: usize,
    /// Multi-line values (PEM keys) may contain line breaks and tabs.
    pub multiline: bool,
    pub check: fn(&str, &Context, &mut Outcome),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish_non_exhaustive()
    }
}

/// How many distinct codes (by id) `lists` hold: the `N` of [`union`].
pub const fn union_len(lists: &[&[&Code]]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            if !seen_before(lists, i, j) {
                n += 1;
            }
            j += 1;
        }
        i += 1;
    }
    n
}

/// The codes of `lists` in order, each once (by id). Lets a rule's code list be built from
/// lists declared elsewhere rather than copied from them. `N` must be `union_len(lists)`;
/// any other value fails the build.
pub const fn union<const N: usize>(lists: &[&[&'static Code]]) -> [&'static Code; N] {
    const NONE: Code = Code { id: "", zh: "", en: "" };
    let mut out: [&'static Code; N] = [&NONE; N];
    let (mut n, mut i) = (0, 0);
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            if !seen_before(lists, i, j) {
                assert!(n < N, "union: N is smaller than union_len");
                out[n] = lists[i][j];
                n += 1;
            }
            j += 1;
        }
        i += 1;
    }
    assert!(n == N, "union: N is larger than union_len");
    out
}

/// Whether the code at `lists[i][j]` has an id met earlier in `lists`.
const fn seen_before(lists: &[&[&Code]], i: usize, j: usize) -> bool {
    let id = lists[i][j].id.as_bytes();
    let (mut a, mut b) = (0, 0);
    while a < i || (a == i && b < j) {
        if b >= lists[a].len() {
            a += 1;
            b = 0;
            continue;
        }
        let other = lists[a][b].id.as_bytes();
        if other.len() == id.len() {
            let mut k = 0;
            while k < id.len() && other[k] == id[k] {
                k += 1;
            }
            if k == id.len() {
                return true;
            }
        }
        b += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Code = Code { id: "t.a", zh: "", en: "" };
    const B: Code = Code { id: "t.b", zh: "", en: "" };
    const C: Code = Code { id: "t.c", zh: "", en: "" };
    const LISTS: &[&[&Code]] = &[&[&A, &B], &[], &[&B, &C, &A]];

    #[test]
    fn union_keeps_the_first_of_each_id_in_order() {
        assert_eq!(union_len(LISTS), 3);
        let ids: Vec<&str> = union::<3>(LISTS).iter().map(|c| c.id).collect();
        assert_eq!(ids, ["t.a", "t.b", "t.c"]);
        assert_eq!(union_len(&[]), 0);
    }

    #[test]
    #[should_panic(expected = "N is larger")]
    fn union_rejects_a_wrong_length() {
        union::<4>(LISTS);
    }
}
