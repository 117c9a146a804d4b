//! Content: the decks that ship inside the binary, so the program works
//! from any directory. The first is the default quiz.

/// (name, TOML) of every deck in `content/`.
pub const DECKS: &[(&str, &str)] = &[(
    "lukashenka-and-bakiyev",
    include_str!("../../../content/lukashenka-and-bakiyev.deck.toml"),
)];

/// The embedded deck called `name`.
#[must_use]
#[allow(dead_code)] // the quiz (next) reads decks by name
pub fn deck(name: &str) -> Option<&'static str> {
    DECKS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use factdrill_core::deck::Deck;

    use super::*;

    #[test]
    fn every_embedded_deck_is_valid() {
        for (name, text) in DECKS {
            let deck = Deck::parse(text, name).unwrap_or_else(|e| panic!("{e}"));
            assert!(deck.questions.len() >= 20, "{name}");
        }
        assert!(deck("lukashenka-and-bakiyev").is_some());
    }
}
