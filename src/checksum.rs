//! Check-character algorithms of the Chinese national standards.

/// ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID
/// (GB 11643-1999 §4): weights 2^(17-i) mod 11, result 0-9 or `X` for 10.
pub fn mod11_2(digits17: &[u8]) -> Option<u8> {
    if digits17.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for &b in digits17 {
        if !b.is_ascii_digit() {
            return None;
        }
        sum = (sum * 2 + u32::from(b - b'0')) % 11;
    }
    // Horner form of sum(d_i * 2^(17-i)): one more doubling for the check position.
    let check = (12 - (sum * 2) % 11) % 11;
    Some(if check == 10 { b'X' } else { b'0' + check as u8 })
}

/// Value of a code character in GB 11714 / GB 32100: digits 0-9, letters A-Z as 10-35.
pub fn char_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        _ => None,
    }
}

/// GB 11714-1997 organization code check character for its 8-character body:
/// weights 3 7 9 10 5 8 4 2, C9 = 11 - (sum mod 11); 10 is `X`, 11 is `0`.
pub fn org_code_check(body8: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    if body8.len() != 8 {
        return None;
    }
    let mut sum = 0;
    for (&b, w) in body8.iter().zip(WEIGHTS) {
        sum += char_value(b)? * w;
    }
    Some(match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        c => b'0' + c as u8,
    })
}

/// GB 32100-2015 character set: digits and capital letters except I, O, Z, S, V.
pub const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

pub fn uscc_char_value(b: u8) -> Option<u32> {
    USCC_ALPHABET.iter().position(|&c| c == b).map(|p| p as u32)
}

/// GB 32100-2015 §5 check character for the first 17 characters: weights 3^i mod 31,
/// C18 = 31 - (sum mod 31), with 31 written as `0`.
pub fn uscc_check(body17: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    if body17.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (&b, w) in body17.iter().zip(WEIGHTS) {
        sum += uscc_char_value(b)? * w;
    }
    let check = (31 - sum % 31) % 31;
    Some(USCC_ALPHABET[check as usize])
}

/// ISO 7064 MOD 11,10 (hybrid) check digit for a digit string: the registration-number
/// check of GB/T 17710, used by the 15-digit business registration number.
pub fn mod11_10(digits: &[u8]) -> Option<u8> {
    let mut p = 10u32;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        let s = (p + u32::from(b - b'0')) % 10;
        let s = if s == 0 { 10 } else { s };
        p = (s * 2) % 11;
    }
    Some(b'0' + ((11 - p) % 10) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_id_check() {
        // The worked example of GB 11643-1999 (Annex A): 11010519491231002X.
        assert_eq!(mod11_2(b"11010519491231002"), Some(b'X'));
        assert_eq!(mod11_2(b"44052418800101001"), Some(b'4'));
        assert_eq!(mod11_2(b"1101051949123100"), None);
    }

    #[test]
    fn org_code_check_char() {
        // The organization code inside python-stdnum's USCC example 91110000600037341L.
        assert_eq!(org_code_check(b"60003734"), Some(b'1'));
        assert_eq!(org_code_check(b"6000373"), None);
    }

    #[test]
    fn uscc_check_char() {
        // python-stdnum's documented example.
        assert_eq!(uscc_check(b"91110000600037341"), Some(b'L'));
        assert_eq!(uscc_check(b"9111000O600037341"), None);
    }

    #[test]
    fn mod11_10_check() {
        // ISO 7064 MOD 11,10 examples as reproduced in python-stdnum's test vectors.
        assert_eq!(mod11_10(b"79462"), Some(b'3'));
        assert_eq!(mod11_10(b"00200667308"), Some(b'5'));
    }
}
