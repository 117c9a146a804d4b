//! Content: the decks that ship inside the binary, so the program works
//! from any directory. The first is the default quiz.

/// (name, TOML) of every deck in `content/`.
pub const DECKS: &[(&str, &str)] = &[(
    "lukashenka-and-bakiyev",
    include_str!("../../../content/lukashenka-and-bakiyev.deck.toml"),
)];

#[cfg(test)]
mod tests {
    use factdrill_core::deck::Deck;

    use super::DECKS;

    #[test]
    fn every_embedded_deck_is_valid() {
        for (name, text) in DECKS {
            let deck = Deck::parse(text, name).unwrap_or_else(|e| panic!("{e}"));
            assert!(deck.questions.len() >= 20, "{name}");
        }
        assert!(DECKS.iter().any(|(n, _)| *n == "lukashenka-and-bakiyev"));
    }
}
