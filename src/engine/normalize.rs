//! One normaliser for the index and the query, so they always agree: case, diacritics,
//! curly and straight apostrophes, possessives ("Jennings’s" is "jennings"), dashes and
//! slashes as word breaks, and numbers with separators ("63,000" is "63000"). Each token
//! keeps its byte span in the original text, so matches are highlighted in the verbatim words.

/// A word of the text, normalised, with where it stands in the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub norm: String,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// True when this word and the previous one were joined by a hyphen or dash with no
    /// space ("self-harm"), so a query can treat the pair as a phrase.
    pub hyphen_joined: bool,
}

/// True for a character that belongs in a word: ASCII letters and digits, and any other
/// character outside the blocks of punctuation, symbols, arrows, emoji and other marks
/// between words. Letters of every script count, without the Unicode property tables that
/// `char::is_alphanumeric` would add to the page.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c as u32,
        0x80..=0xBF          // Latin-1 controls, punctuation and symbols
        | 0xD7 | 0xF7        // × ÷
        | 0x2000..=0x2BFF    // punctuation, super/subscripts, currency, letterlike symbols,
                             // number forms, arrows, maths, technical, boxes, shapes, dingbats
        | 0x2E00..=0x2E7F    // supplemental punctuation
        | 0x3000..=0x303F    // CJK symbols and punctuation
        | 0xFE00..=0xFE0F    // variation selectors
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFE50..=0xFE6F    // small form variants
        | 0xFF00..=0xFF0F    // fullwidth punctuation
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
        | 0xFFF0..=0xFFFF    // specials
        | 0x1F000..=0x1FBFF  // emoji, pictographs, symbols
        | 0xE0000..=0xE007F  // tags
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－'
    )
}

/// Lowercases and strips diacritics from one character, pushing the result to `out`.
/// Covers Latin-1 and Latin Extended-A, which is every accented letter an English record
/// about the NHS is likely to hold, without a Unicode-tables dependency in the bundle.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ď'..='đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ŉ' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' => 's',
        'Ţ'..='ŧ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => 'y',
        'Ź'..='ž' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'Æ' | 'æ' => {
            out.push_str("ae");
            return;
        }
        'Œ' | 'œ' => {
            out.push_str("oe");
            return;
        }
        // Greek and Cyrillic capitals by their fixed offsets. Other scripts are kept as they
        // are: `char::to_lowercase` would bring an 11 KB Unicode table into the page for
        // letters an English record does not use.
        'Α'..='Ω' | 'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        _ => c,
    };
    out.push(base);
}

/// Splits text into normalised words. Word characters (`is_word_char`) make words; an apostrophe inside a
/// word is dropped ("we’ve" is "weve") and a possessive ending is removed ("Jennings’s",
/// "members’"); a comma or full stop between digits followed by exactly three digits is a
/// thousands separator ("63,000"). Everything else separates words.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut joined_next = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !is_word_char(c) {
            // A dash directly between two words joins them for phrase purposes.
            joined_next = is_hyphen(c)
                && i > 0
                && is_word_char(chars[i - 1].1)
                && chars.get(i + 1).is_some_and(|(_, n)| is_word_char(*n));
            i += 1;
            continue;
        }
        let mut norm = String::new();
        let mut end = start;
        while i < chars.len() {
            let (at, c) = chars[i];
            if is_word_char(c) {
                fold_char(c, &mut norm);
                end = at + c.len_utf8();
                i += 1;
            } else if is_apostrophe(c) && chars.get(i + 1).is_some_and(|(_, n)| is_word_char(*n)) {
                // Inside a word: keep reading, drop the mark.
                i += 1;
                // A possessive 's at the end of the word ends it here.
                let s_then_break = matches!(chars.get(i), Some((_, 's' | 'S')))
                    && chars.get(i + 1).is_none_or(|(_, n)| !is_word_char(*n));
                if s_then_break {
                    end = chars[i].0 + 1;
                    i += 1;
                    break;
                }
            } else if matches!(c, ',' | '.')
                && norm.bytes().last().is_some_and(|b| b.is_ascii_digit())
                && is_thousands_group(&chars, i + 1)
            {
                // "63,000": skip the separator, keep reading digits.
                i += 1;
            } else if c == '.'
                && norm.bytes().last().is_some_and(|b| b.is_ascii_digit())
                && chars.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit())
            {
                // "2.5": a decimal point stays part of the number.
                norm.push('.');
                i += 1;
            } else {
                break;
            }
        }
        tokens.push(Token {
            norm,
            start,
            end,
            hyphen_joined: joined_next && !tokens.is_empty(),
        });
        joined_next = false;
    }
    tokens
}

/// Three ASCII digits at `at`, then no further digit: a thousands group.
fn is_thousands_group(chars: &[(usize, char)], at: usize) -> bool {
    (0..3).all(|k| chars.get(at + k).is_some_and(|(_, c)| c.is_ascii_digit()))
        && chars.get(at + 3).is_none_or(|(_, c)| !c.is_ascii_digit())
}

/// The normalised words of a text, without spans.
pub fn words(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.norm).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        assert_eq!(words(text), expected, "{text}");
    }

    #[test]
    fn normalises_like_a_reader_would() {
        check("NHS England’s response", &["nhs", "england", "response"]);
        check("Jennings’s network", &["jennings", "network"]);
        check("Jennings's network", &["jennings", "network"]);
        check("members’ consent", &["members", "consent"]);
        check("we’ve campaigned; we've", &["weve", "campaigned", "weve"]);
        check("“high intensity users”", &["high", "intensity", "users"]);
        check(
            "self-harm – and suicide—often",
            &["self", "harm", "and", "suicide", "often"],
        );
        check("Over 63,000 members", &["over", "63000", "members"]);
        check("63000 and 1,234,567", &["63000", "and", "1234567"]);
        check("in 2021, 26 trusts", &["in", "2021", "26", "trusts"]);
        check("up to 2.5 per cent", &["up", "to", "2.5", "per", "cent"]);
        check("two s136 detentions", &["two", "s136", "detentions"]);
        check(
            "Café NAÏVE Œuvre straße",
            &["cafe", "naive", "oeuvre", "strasse"],
        );
        check("ΣΙΜ Москва Ёж", &["σιμ", "москва", "ёж"]);
        check("עברית SIM 🙂 → € ½ ‘quoted’", &["עברית", "sim", "quoted"]);
        check("#StopSIM SIM/HIN", &["stopsim", "sim", "hin"]);
        check("", &[]);
        check("  … — ", &[]);
    }

    #[test]
    fn keeps_spans_of_the_original_words() {
        let text = "Paul Jennings’s “network”, 63,000 people";
        let spans: Vec<&str> = tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(spans, ["Paul", "Jennings’s", "network", "63,000", "people"]);
    }

    #[test]
    fn marks_hyphen_joined_words() {
        let joined: Vec<bool> = tokenize("self-harm and SIM-type – schemes")
            .iter()
            .map(|t| t.hyphen_joined)
            .collect();
        assert_eq!(joined, [false, true, false, false, true, false]);
    }
}
