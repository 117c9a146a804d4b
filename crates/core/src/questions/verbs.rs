//! Verbs: auxiliaries, finite verb forms and base forms (for do-support:
//! "found" → "did … find"), irregular verbs included. When a form is not
//! certain, `base` says so and the caller falls back to a cloze.

/// Auxiliaries that invert with the subject in a question.
const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "am",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "does",
    "do",
    "did",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "mustn't",
    "shouldn't",
    "doesn't",
    "don't",
    "didn't",
    "isn’t",
    "aren’t",
    "wasn’t",
    "weren’t",
    "hasn’t",
    "haven’t",
    "hadn’t",
    "won’t",
    "wouldn’t",
    "can’t",
    "couldn’t",
    "shouldn’t",
    "doesn’t",
    "don’t",
    "didn’t",
];

/// Irregular verbs: base, past, past participle, third person singular.
const IRREGULAR: &[(&str, &str, &str, &str)] = &[
    ("arise", "arose", "arisen", "arises"),
    ("be", "was", "been", "is"),
    ("bear", "bore", "borne", "bears"),
    ("beat", "beat", "beaten", "beats"),
    ("become", "became", "become", "becomes"),
    ("begin", "began", "begun", "begins"),
    ("bend", "bent", "bent", "bends"),
    ("bet", "bet", "bet", "bets"),
    ("bind", "bound", "bound", "binds"),
    ("bite", "bit", "bitten", "bites"),
    ("bleed", "bled", "bled", "bleeds"),
    ("blow", "blew", "blown", "blows"),
    ("break", "broke", "broken", "breaks"),
    ("bring", "brought", "brought", "brings"),
    ("build", "built", "built", "builds"),
    ("burn", "burnt", "burnt", "burns"),
    ("burst", "burst", "burst", "bursts"),
    ("buy", "bought", "bought", "buys"),
    ("catch", "caught", "caught", "catches"),
    ("choose", "chose", "chosen", "chooses"),
    ("cling", "clung", "clung", "clings"),
    ("come", "came", "come", "comes"),
    ("cost", "cost", "cost", "costs"),
    ("creep", "crept", "crept", "creeps"),
    ("cut", "cut", "cut", "cuts"),
    ("deal", "dealt", "dealt", "deals"),
    ("dig", "dug", "dug", "digs"),
    ("do", "did", "done", "does"),
    ("draw", "drew", "drawn", "draws"),
    ("dream", "dreamt", "dreamt", "dreams"),
    ("drink", "drank", "drunk", "drinks"),
    ("drive", "drove", "driven", "drives"),
    ("eat", "ate", "eaten", "eats"),
    ("fall", "fell", "fallen", "falls"),
    ("feed", "fed", "fed", "feeds"),
    ("feel", "felt", "felt", "feels"),
    ("fight", "fought", "fought", "fights"),
    ("find", "found", "found", "finds"),
    ("flee", "fled", "fled", "flees"),
    ("fly", "flew", "flown", "flies"),
    ("forbid", "forbade", "forbidden", "forbids"),
    ("forecast", "forecast", "forecast", "forecasts"),
    ("forget", "forgot", "forgotten", "forgets"),
    ("forgive", "forgave", "forgiven", "forgives"),
    ("freeze", "froze", "frozen", "freezes"),
    ("get", "got", "got", "gets"),
    ("give", "gave", "given", "gives"),
    ("go", "went", "gone", "goes"),
    ("grow", "grew", "grown", "grows"),
    ("hang", "hung", "hung", "hangs"),
    ("have", "had", "had", "has"),
    ("hear", "heard", "heard", "hears"),
    ("hide", "hid", "hidden", "hides"),
    ("hit", "hit", "hit", "hits"),
    ("hold", "held", "held", "holds"),
    ("hurt", "hurt", "hurt", "hurts"),
    ("keep", "kept", "kept", "keeps"),
    ("know", "knew", "known", "knows"),
    ("lay", "laid", "laid", "lays"),
    ("lead", "led", "led", "leads"),
    ("leave", "left", "left", "leaves"),
    ("lend", "lent", "lent", "lends"),
    ("let", "let", "let", "lets"),
    ("lie", "lay", "lain", "lies"),
    ("light", "lit", "lit", "lights"),
    ("lose", "lost", "lost", "loses"),
    ("make", "made", "made", "makes"),
    ("mean", "meant", "meant", "means"),
    ("meet", "met", "met", "meets"),
    ("pay", "paid", "paid", "pays"),
    ("put", "put", "put", "puts"),
    ("quit", "quit", "quit", "quits"),
    ("read", "read", "read", "reads"),
    ("ride", "rode", "ridden", "rides"),
    ("ring", "rang", "rung", "rings"),
    ("rise", "rose", "risen", "rises"),
    ("run", "ran", "run", "runs"),
    ("say", "said", "said", "says"),
    ("see", "saw", "seen", "sees"),
    ("seek", "sought", "sought", "seeks"),
    ("sell", "sold", "sold", "sells"),
    ("send", "sent", "sent", "sends"),
    ("set", "set", "set", "sets"),
    ("shake", "shook", "shaken", "shakes"),
    ("shed", "shed", "shed", "sheds"),
    ("shine", "shone", "shone", "shines"),
    ("shoot", "shot", "shot", "shoots"),
    ("show", "showed", "shown", "shows"),
    ("shut", "shut", "shut", "shuts"),
    ("sing", "sang", "sung", "sings"),
    ("sink", "sank", "sunk", "sinks"),
    ("sit", "sat", "sat", "sits"),
    ("sleep", "slept", "slept", "sleeps"),
    ("slide", "slid", "slid", "slides"),
    ("speak", "spoke", "spoken", "speaks"),
    ("spend", "spent", "spent", "spends"),
    ("spin", "spun", "spun", "spins"),
    ("split", "split", "split", "splits"),
    ("spread", "spread", "spread", "spreads"),
    ("spring", "sprang", "sprung", "springs"),
    ("stand", "stood", "stood", "stands"),
    ("steal", "stole", "stolen", "steals"),
    ("stick", "stuck", "stuck", "sticks"),
    ("strike", "struck", "struck", "strikes"),
    ("swear", "swore", "sworn", "swears"),
    ("sweep", "swept", "swept", "sweeps"),
    ("swim", "swam", "swum", "swims"),
    ("swing", "swung", "swung", "swings"),
    ("take", "took", "taken", "takes"),
    ("teach", "taught", "taught", "teaches"),
    ("tear", "tore", "torn", "tears"),
    ("tell", "told", "told", "tells"),
    ("think", "thought", "thought", "thinks"),
    ("throw", "threw", "thrown", "throws"),
    ("understand", "understood", "understood", "understands"),
    ("upset", "upset", "upset", "upsets"),
    ("wake", "woke", "woken", "wakes"),
    ("wear", "wore", "worn", "wears"),
    ("win", "won", "won", "wins"),
    ("wind", "wound", "wound", "winds"),
    ("withdraw", "withdrew", "withdrawn", "withdraws"),
    ("write", "wrote", "written", "writes"),
];

/// Stem endings after which a dropped "-ed" leaves a word that needs its
/// silent "e" back ("secured" → "secure", "created" → "create").
const E_ENDINGS: &[&str] = &[
    "at", "iz", "is", "ur", "iv", "ov", "us", "ac", "ic", "uc", "ad", "id", "od", "um", "in", "on",
    "as", "ag", "ar", "rv", "rg", "dg", "ng", "nc", "rc", "rs", "ps", "ls", "bl", "pl", "tl", "gl",
    "cl", "kl", "dl", "fl", "zl", "st", "ut", "ot", "it", "av", "ev", "ul", "ol", "ap", "op", "ok",
    "ak", "uk", "iz", "ys", "ym", "yp",
];

/// Verbs whose base form ends in a double consonant ("added" → "add").
const KEEP_DOUBLE: &[&str] = &["add", "egg", "err", "purr", "buzz", "fizz", "ebb"];

/// Verbs whose stems end like an "-e" verb but are not ("visited" →
/// "visit", "opened" → "open").
const NO_E: &[&str] = &[
    "visit",
    "limit",
    "exhibit",
    "edit",
    "credit",
    "audit",
    "profit",
    "benefit",
    "deposit",
    "inherit",
    "exit",
    "open",
    "happen",
    "listen",
    "threaten",
    "strengthen",
    "weaken",
    "worsen",
    "widen",
    "deepen",
    "order",
    "murder",
    "consider",
    "offer",
    "suffer",
    "enter",
    "gather",
    "alter",
    "deliver",
    "recover",
    "discover",
    "cover",
    "answer",
    "render",
    "wonder",
    "label",
    "travel",
    "cancel",
    "model",
    "signal",
    "total",
    "rival",
    "fuel",
    "pilot",
    "budget",
    "target",
    "market",
    "ballot",
    "pivot",
    "boycott",
    "interpret",
    "vomit",
    "commit",
    "admit",
    "submit",
    "permit",
    "omit",
    "emit",
    "transmit",
    "summon",
    "reckon",
    "beckon",
    "pardon",
    "abandon",
    "question",
    "mention",
    "function",
    "station",
    "pension",
    "position",
    "condition",
    "season",
    "poison",
    "reason",
    "imprison",
    "fasten",
    "flatten",
    "frighten",
    "lighten",
    "tighten",
    "harden",
    "darken",
    "blacken",
    "soften",
    "burden",
    "garden",
    "shorten",
    "lengthen",
    "moisten",
    "sicken",
    "toughen",
    "awaken",
    "sadden",
    "gladden",
    "madden",
    "redden",
    "batten",
    "fatten",
    "hearten",
    "dampen",
    "cheapen",
    "sharpen",
    "ripen",
    "loosen",
    "chasten",
    "christen",
    "glisten",
    "hasten",
    "unfasten",
    "exist",
    "insist",
    "assist",
    "resist",
    "persist",
    "consist",
    "list",
    "twist",
    "arrest",
    "protest",
    "test",
    "suggest",
    "request",
    "invest",
    "digest",
    "arrest",
    "rest",
    "contest",
    "attest",
    "detest",
    "infest",
    "manifest",
    "harvest",
    "adjust",
    "trust",
    "boost",
    "host",
    "post",
    "cost",
    "last",
    "blast",
    "cast",
    "forecast",
    "broadcast",
    "contrast",
    "start",
    "shout",
    "doubt",
    "spout",
    "scout",
    "rout",
    "count",
    "mount",
    "account",
    "amount",
    "point",
    "paint",
    "faint",
    "print",
    "hint",
    "tint",
    "want",
    "plant",
    "grant",
    "chant",
    "rent",
    "vent",
    "invent",
    "prevent",
    "present",
    "represent",
    "prevent",
    "consent",
    "dissent",
    "resent",
    "lament",
    "torment",
    "ferment",
    "comment",
    "cement",
    "augment",
    "implement",
    "document",
    "shift",
    "lift",
    "drift",
    "gift",
    "sift",
    "act",
    "enact",
    "react",
    "attract",
    "detract",
    "extract",
    "contract",
    "subtract",
    "protect",
    "detect",
    "elect",
    "select",
    "reflect",
    "affect",
    "effect",
    "infect",
    "inject",
    "object",
    "reject",
    "project",
    "subject",
    "eject",
    "predict",
    "evict",
    "convict",
    "depict",
    "restrict",
    "inflict",
    "conduct",
    "deduct",
    "instruct",
    "construct",
    "obstruct",
    "abduct",
    "induct",
    "adopt",
    "adapt",
    "accept",
    "except",
    "attempt",
    "tempt",
    "exempt",
    "corrupt",
    "erupt",
    "disrupt",
    "interrupt",
    "halt",
    "melt",
    "insult",
    "consult",
    "result",
    "exult",
    "revolt",
    "assault",
    "default",
    "vault",
    "moult",
    "kill",
    "fill",
    "spill",
    "drill",
    "will",
    "chill",
    "till",
    "call",
    "stall",
    "install",
    "recall",
    "pull",
    "roll",
    "poll",
    "toll",
    "enroll",
    "control",
    "patrol",
    "compel",
    "expel",
    "propel",
    "repel",
    "dispel",
    "fulfil",
    "instil",
    "appeal",
    "conceal",
    "reveal",
    "heal",
    "seal",
    "steal",
    "kneel",
    "feel",
    "peel",
    "reel",
    "sail",
    "fail",
    "mail",
    "nail",
    "rail",
    "jail",
    "bail",
    "hail",
    "wail",
    "trail",
    "prevail",
    "avail",
    "curtail",
    "detail",
    "entail",
    "retail",
    "derail",
    "boil",
    "coil",
    "soil",
    "spoil",
    "toil",
    "foil",
    "cool",
    "fool",
    "pool",
    "howl",
    "growl",
    "prowl",
    "bowl",
    "crawl",
    "sprawl",
    "brawl",
    "haul",
    "maul",
    "mull",
    "cull",
    "dull",
    "lull",
    "annul",
    "cancel",
    "travel",
    "level",
    "revel",
    "model",
    "label",
    "fuel",
    "duel",
    "quarrel",
    "marvel",
    "shovel",
    "tunnel",
    "channel",
    "funnel",
    "panel",
    "spiral",
    "gain",
    "rain",
    "train",
    "drain",
    "strain",
    "claim",
    "aim",
    "maim",
    "seem",
    "deem",
    "redeem",
    "steam",
    "scream",
    "stream",
    "dream",
    "beam",
    "ream",
    "seam",
    "team",
    "ban",
    "plan",
    "scan",
    "span",
    "tan",
    "pin",
    "win",
    "spin",
    "sin",
    "thin",
    "grin",
    "skin",
    "chin",
    "burn",
    "earn",
    "learn",
    "turn",
    "return",
    "concern",
    "govern",
    "warn",
    "mourn",
    "adorn",
    "scorn",
    "join",
    "coin",
    "loan",
    "moan",
    "groan",
    "lean",
    "clean",
    "mean",
    "glean",
    "weigh",
    "neigh",
    "sigh",
    "laugh",
    "cough",
    "rough",
    "tough",
    "plough",
    "bough",
    "reach",
    "teach",
    "preach",
    "breach",
    "bleach",
    "impeach",
    "detach",
    "attach",
    "watch",
    "catch",
    "match",
    "patch",
    "hatch",
    "scratch",
    "snatch",
    "stretch",
    "fetch",
    "sketch",
    "ditch",
    "pitch",
    "switch",
    "stitch",
    "itch",
    "bewitch",
    "twitch",
    "witch",
    "hitch",
    "crash",
    "clash",
    "flash",
    "smash",
    "splash",
    "wash",
    "push",
    "rush",
    "crush",
    "brush",
    "flush",
    "blush",
    "hush",
    "gush",
    "wish",
    "fish",
    "finish",
    "publish",
    "establish",
    "abolish",
    "demolish",
    "polish",
    "punish",
    "vanish",
    "banish",
    "flourish",
    "nourish",
    "cherish",
    "perish",
    "relish",
    "diminish",
    "furnish",
    "tarnish",
    "garnish",
    "varnish",
    "astonish",
    "admonish",
    "accomplish",
    "distinguish",
    "extinguish",
    "relinquish",
    "vanquish",
    "anguish",
    "languish",
];

/// `word` (lowercase) is an auxiliary.
pub(crate) fn is_auxiliary(word: &str) -> bool {
    AUXILIARIES.contains(&word)
}

/// The past tense or participle of an irregular verb → its base form.
fn irregular_base(word: &str) -> Option<&'static str> {
    IRREGULAR
        .iter()
        .find(|(base, past, participle, third)| {
            *past == word
                || *participle == word
                || *third == word
                || (*base == word && *base != "be")
        })
        .map(|(base, ..)| *base)
}

/// How a finite main verb is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// "found", "secured": do-support with "did".
    Past,
    /// "finds", "secures": do-support with "does".
    Present3,
}

/// The singular of a verb that agreed with a plural subject, for when "who"
/// takes that subject's place: "have" → "has", "were" → "was", "say" →
/// "says". `None` when the word is not such a form or is ambiguous ("put" may
/// be past).
pub(crate) fn singular(word: &str) -> Option<&'static str> {
    match word {
        "have" => return Some("has"),
        "are" => return Some("is"),
        "were" => return Some("was"),
        "do" => return Some("does"),
        _ => {}
    }
    IRREGULAR
        .iter()
        .find(|(base, past, _, _)| *base == word && *past != word && *base != "be")
        .map(|&(_, _, _, third)| third)
}

/// A finite main verb's base form and tense, when certain.
///
/// `found` → (`find`, Past); `secured` → (`secure`, Past);
/// `visited` → (`visit`, Past); `carries` → (`carry`, Present3).
pub(crate) fn base(word: &str) -> Option<(String, Tense)> {
    let w = word;
    if let Some(&(base, past, _, _)) = IRREGULAR
        .iter()
        .find(|(_, past, _, third)| *past == w || *third == w)
    {
        if base == "be" || base == "have" || base == "do" {
            return None; // auxiliaries invert instead
        }
        let tense = if past == w {
            Tense::Past
        } else {
            Tense::Present3
        };
        return Some((base.to_owned(), tense));
    }
    if irregular_base(w).is_some() {
        return None; // a bare base or participle of an irregular verb: not a finite form we trust
    }
    if let Some(stem) = w.strip_suffix("ied").filter(|s| s.len() >= 2) {
        return Some((format!("{stem}y"), Tense::Past));
    }
    if let Some(stem) = w.strip_suffix("ed").filter(|s| s.len() >= 2) {
        if w.ends_with("eed") {
            return Some((w[..w.len() - 1].to_owned(), Tense::Past)).filter(|_| w.len() > 5); // "agreed" → "agree"
        }
        let bytes = stem.as_bytes();
        let n = bytes.len();
        // Doubled final consonant: "planned" → "plan", "stopped" → "stop".
        if n >= 3
            && bytes[n - 1] == bytes[n - 2]
            && !b"aeiouslfz".contains(&bytes[n - 1])
            && !KEEP_DOUBLE.contains(&stem)
        {
            return Some((stem[..n - 1].to_owned(), Tense::Past));
        }
        if NO_E.contains(&stem) {
            return Some((stem.to_owned(), Tense::Past));
        }
        // "-e" verbs: "secured", "created", "arrived", "raised".
        if E_ENDINGS.iter().any(|e| stem.ends_with(e)) {
            let with_e = format!("{stem}e");
            return Some((with_e, Tense::Past));
        }
        // Consonant clusters and vowel pairs take no "e": "wanted",
        // "helped", "reached", "appealed".
        let last_two = &stem[n.saturating_sub(2)..];
        let vowel = |b: u8| b"aeiou".contains(&b);
        let cluster = n >= 2 && !vowel(bytes[n - 1]) && !vowel(bytes[n - 2]);
        let vowel_pair = n >= 3 && vowel(bytes[n - 2]) && vowel(bytes[n - 3]);
        if cluster
            || vowel_pair
            || last_two.ends_with('w')
            || last_two.ends_with('y')
            || last_two.ends_with('x')
        {
            return Some((stem.to_owned(), Tense::Past));
        }
        return None;
    }
    None
}

/// A lowercase word that looks like a finite verb after a subject: an
/// irregular past or third-person form, or a regular "-ed" form.
pub(crate) fn is_finite_verb(word: &str) -> bool {
    IRREGULAR
        .iter()
        .any(|(_, past, _, third)| *past == word || *third == word)
        || (word.len() > 4
            && word.ends_with("ed")
            && !NOT_VERBS.contains(&word)
            && base(word).is_some())
}

/// Words ending in "-ed" that are not verbs.
const NOT_VERBS: &[&str] = &[
    "bloodshed",
    "hundred",
    "watershed",
    "naked",
    "wicked",
    "sacred",
    "beloved",
    "wretched",
    "rugged",
    "ragged",
    "crooked",
    "kindred",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_verbs_have_their_base_forms() {
        assert_eq!(base("found"), Some(("find".into(), Tense::Past)));
        assert_eq!(base("fell"), Some(("fall".into(), Tense::Past)));
        assert_eq!(base("told"), Some(("tell".into(), Tense::Past)));
        assert_eq!(base("went"), Some(("go".into(), Tense::Past)));
        assert_eq!(base("brings"), Some(("bring".into(), Tense::Present3)));
        assert_eq!(base("was"), None, "auxiliaries invert");
    }

    #[test]
    fn regular_verbs_lose_their_endings_correctly() {
        for (past, b) in [
            ("secured", "secure"),
            ("created", "create"),
            ("visited", "visit"),
            ("planned", "plan"),
            ("wanted", "want"),
            ("carried", "carry"),
            ("agreed", "agree"),
            ("reached", "reach"),
            ("opened", "open"),
            ("arrived", "arrive"),
            ("showed", "show"),
            ("raised", "raise"),
            ("appealed", "appeal"),
            ("stayed", "stay"),
            ("added", "add"),
        ] {
            assert_eq!(base(past).map(|(b, _)| b), Some(b.to_owned()), "{past}");
        }
    }

    #[test]
    fn auxiliaries_are_known() {
        assert!(is_auxiliary("has"));
        assert!(is_auxiliary("isn’t"));
        assert!(!is_auxiliary("secured"));
    }
}
