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
pub fn fold_char(c: char, out: &mut String) {
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
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

/// Splits text into normalised words. Letters and digits make words; an apostrophe inside a
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
        if !c.is_alphanumeric() {
            // A dash directly between two words joins them for phrase purposes.
            joined_next = is_hyphen(c)
                && i > 0
                && chars[i - 1].1.is_alphanumeric()
                && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            i += 1;
            continue;
        }
        let mut norm = String::new();
        let mut end = start;
        while i < chars.len() {
            let (at, c) = chars[i];
            if c.is_alphanumeric() {
                fold_char(c, &mut norm);
                end = at + c.len_utf8();
                i += 1;
            } else if is_apostrophe(c) && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphabetic()) {
                // Inside a word: keep reading, drop the mark.
                i += 1;
                // A possessive 's at the end of the word ends it here.
                let s_then_break = matches!(chars.get(i), Some((_, 's' | 'S')))
                    && chars.get(i + 1).is_none_or(|(_, n)| !n.is_alphanumeric());
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
