"""DEMO CONTENT: made-up news copy for a synthetic corpus, written from word lists and templates.

Everything here is invented for load tests and demos: no sentence comes from a real story. The
copy reads like wire news (headlines, standfirsts, paragraphs with numbers, quotes with
attributions, crossheads) so that search, excerpts and reading times behave as on a real site.
"""

from dataclasses import dataclass

PLACES = [
    "Islamabad", "Karachi", "Lahore", "Delhi", "Mumbai", "Dhaka", "Colombo", "Kathmandu",
    "Kabul", "Tehran", "Dubai", "Riyadh", "Doha", "Ankara", "Cairo", "Nairobi", "Lagos",
    "London", "Paris", "Berlin", "Brussels", "Warsaw", "Kyiv", "Moscow", "Beijing", "Tokyo",
    "Seoul", "Jakarta", "Manila", "Bangkok", "Singapore", "Sydney", "Washington", "Ottawa",
    "Brasilia", "Mexico City", "Johannesburg", "Geneva", "Vienna", "Athens",
]  # fmt: skip
COUNTRIES = [
    "Pakistan", "India", "Bangladesh", "Sri Lanka", "Nepal", "Afghanistan", "Iran", "the UAE",
    "Saudi Arabia", "Qatar", "Turkey", "Egypt", "Kenya", "Nigeria", "Britain", "France",
    "Germany", "Poland", "Ukraine", "Russia", "China", "Japan", "South Korea", "Indonesia",
    "the Philippines", "Thailand", "Singapore", "Australia", "the United States", "Canada",
    "Brazil", "Mexico", "South Africa", "Switzerland", "Austria", "Greece",
]  # fmt: skip
FIRST_NAMES = [
    "Amina", "Bilal", "Chen", "Daniel", "Elena", "Farah", "Gustavo", "Hana", "Imran", "Julia",
    "Kamal", "Lina", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rashid", "Sofia", "Tariq",
    "Usha", "Viktor", "Wen", "Yasmin", "Zainab", "Arjun", "Beatriz", "Dmitri", "Ingrid", "Kofi",
]  # fmt: skip
LAST_NAMES = [
    "Ahmed", "Baker", "Castillo", "Das", "Eriksen", "Fischer", "Ghani", "Hussain", "Ibrahim",
    "Jensen", "Khan", "Lindqvist", "Mendes", "Nakamura", "Okonkwo", "Petrova", "Qureshi",
    "Rahman", "Silva", "Tanaka", "Umar", "Varga", "Weber", "Xu", "Yilmaz", "Zaman", "Malik",
    "Novak", "Osei", "Park",
]  # fmt: skip
ROLES = [
    "a senior official at the ministry", "an economist at a regional bank",
    "a spokesperson for the government", "an analyst who follows the region",
    "the head of the local chamber of commerce", "a professor of political science",
    "a member of the opposition", "a researcher at an independent think tank",
    "the chief executive of the company", "a union leader", "a diplomat in the capital",
    "a resident of the district", "the coach of the national side", "a former minister",
]  # fmt: skip
SPEECH_VERBS = ["said", "said", "said", "told reporters", "added", "warned", "noted"]

# One vocabulary per kind of story: the subjects it is about, what happens to them, and the
# institutions involved. Sections map onto these by their slug (see SECTION_TOPICS).
TOPICS = {
    "politics": {
        "subjects": [
            "the budget",
            "electoral reform",
            "the coalition",
            "a new cabinet",
            "the constitution",
            "border security",
            "the peace talks",
            "the trade agreement",
            "defence spending",
            "the water treaty",
            "local elections",
            "the anti-corruption bill",
            "visa rules",
        ],
        "events": [
            "approves",
            "rejects",
            "delays",
            "debates",
            "backs",
            "signs",
            "revives",
            "questions",
        ],
        "bodies": [
            "parliament",
            "the senate",
            "the foreign ministry",
            "the election commission",
            "the supreme court",
            "the cabinet",
            "the prime minister's office",
            "the opposition",
        ],
    },
    "business": {
        "subjects": [
            "interest rates",
            "the rupee",
            "fuel prices",
            "bank shares",
            "the stock market",
            "exports",
            "inflation",
            "a solar park",
            "the national airline",
            "textile orders",
            "a port expansion",
            "foreign investment",
            "wheat prices",
            "the property market",
        ],
        "events": ["lifts", "cuts", "freezes", "reviews", "doubles", "targets", "reshapes"],
        "bodies": [
            "the central bank",
            "the finance ministry",
            "the stock exchange",
            "a trade body",
            "the competition regulator",
            "the IMF",
            "a consortium of lenders",
            "the tax office",
        ],
    },
    "sport": {
        "subjects": [
            "the test series",
            "the championship",
            "the relay title",
            "the cup final",
            "the squad",
            "the season opener",
            "the world record",
            "the hockey league",
            "the junior team",
            "the marathon",
            "the derby",
        ],
        "events": ["wins", "clinches", "loses", "reaches", "defends", "names", "secures"],
        "bodies": [
            "the cricket board",
            "the football federation",
            "the Olympic committee",
            "the national side",
            "the league",
            "the selectors",
            "the home club",
        ],
    },
    "technology": {
        "subjects": [
            "a data protection law",
            "the 5G roll-out",
            "a chip plant",
            "mobile payments",
            "an AI model",
            "satellite internet",
            "a start-up fund",
            "online fraud",
            "the fibre network",
            "e-commerce rules",
            "cyber security",
            "electric buses",
        ],
        "events": ["launches", "tests", "expands", "regulates", "funds", "opens", "suspends"],
        "bodies": [
            "the telecoms regulator",
            "a technology ministry",
            "a venture fund",
            "the space agency",
            "a group of start-ups",
            "the digital authority",
        ],
    },
    "opinion": {
        "subjects": [
            "the region's future",
            "the price of inaction",
            "a smarter climate policy",
            "the case for reform",
            "the cost of living",
            "a fairer tax system",
            "trust in institutions",
            "the next generation",
            "water security",
        ],
        "events": ["rethinks", "defends", "questions", "revisits", "weighs", "challenges"],
        "bodies": ["the government", "the region", "the city", "the newsroom", "voters"],
    },
}
SECTION_TOPICS = {
    "top-news": "politics",
    "world": "politics",
    "asia": "politics",
    "business": "business",
    "sport": "sport",
    "technology": "technology",
    "opinion": "opinion",
}

HEADLINES = [
    "{Country} {event} {subject}",
    "{Body} {event} {subject} in {place}",
    "{Subject} in focus as {body} meets in {place}",
    "{Country} {event} {subject} after {number} days of talks",
    "{Place}: {body} {event} {subject}",
    "Why {body} {event} {subject}",
    "{Subject}: {body} {event} plan for {country}",
    "{Country} and {country2} agree on {subject}",
    "{Name} to lead review of {subject}",
    "{Number} arrested in {place} after protest over {subject}",
    "{Place} braces for vote on {subject}",
    "Inside {country}'s {month} push on {subject}",
    "{Name} warns {body} over {subject}",
    "{Country} {event} {subject} before {month} deadline",
    "{Subject} tops agenda as {name} visits {place}",
    "{Body} {event} {subject}, {name} says",
]
STANDFIRSTS = [
    "The decision follows {number} weeks of debate and is expected to take effect next month",
    "Officials in {place} said the move would affect {number} thousand people",
    "Critics said {body} had acted too late, while supporters welcomed the change",
    "The plan sets out {number} measures on {subject} over the coming year",
    "A report from {place} shows {subject} has changed faster than forecast",
]
SENTENCES = [
    "Officials in {place} said {subject} would be reviewed before the end of the year.",
    "The announcement came after {body} met for {number} hours on {weekday}.",
    "According to figures released on {weekday}, {subject} rose by {number} per cent.",
    "{Body} said it expected the changes to reach {number} thousand households.",
    "Talks between {country} and {country2} on {subject} resumed in {place} last week.",
    "Analysts said the move could reshape {subject} for years to come.",
    "The proposal still needs the approval of {body}, which meets again next month.",
    "Opposition groups in {place} called for a public inquiry into {subject}.",
    "It is the {ordinal} time this year that {body} has changed course on {subject}.",
    "Local businesses said they had been given only {number} days' notice.",
    "In {place}, residents queued for hours as news of the decision spread.",
    "Diplomats from {country2} were expected to raise {subject} at the summit.",
    "The figures were higher than most economists had forecast.",
    "A spokesperson for {body} declined to comment on the timing.",
    "Similar measures were tried in {country2} {number} years ago, with mixed results.",
    "Observers in {place} described the mood as cautious but hopeful.",
    "The {ordinal} phase of the plan is due to begin in {month}.",
    "Campaigners said {subject} had been neglected for too long.",
    "Under the new rules, {body} will publish a progress report every {number} months.",
    "Markets in {place} reacted calmly to the news.",
]
QUOTES = [
    "We have waited a long time for this, and now the work begins",
    "Nobody should pretend this will be easy or quick",
    "The numbers speak for themselves, and they are not good",
    "This is a turning point for {place} and for the whole region",
    "We will study the details carefully before we decide anything",
    "People want results, not more promises",
    "It is too early to say what this means for {subject}",
]
CROSSHEADS = [
    "What happens next", "A long road", "Reaction in {place}", "The numbers",
    "Background", "Concerns over {subject}", "What critics say", "Looking ahead",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
ORDINALS = ["second", "third", "fourth", "fifth"]
TAGS = [
    "Pakistan", "India", "Bangladesh", "China", "Economy", "Elections", "Security",
    "Climate", "Energy", "Trade", "Cricket", "Football", "Start-ups", "Health", "Education",
    "Transport", "Diplomacy", "Markets", "Human rights", "Water",
]  # fmt: skip
ORGANISATIONS = [
    ("regional-newswire", "Regional Newswire"),
    ("asian-lite-news", "Asian Lite News"),
    ("capital-press-agency", "Capital Press Agency"),
]
CREDIT_VERBS = ["reports", "reports", "reports", "writes"]


POOL_SIZE = 400  # per topic; all five pools fit masthead.articles.text.plain_text's cache
WORD_LISTS = {
    "place": PLACES,
    "country": COUNTRIES,
    "country2": COUNTRIES,
    "weekday": WEEKDAYS,
    "month": MONTHS,
    "ordinal": ORDINALS,
}
# A topic's own lists ("subjects", "events", "bodies") fill the slots named after one of them.
TOPIC_SLOTS = {"subject": "subjects", "event": "events", "body": "bodies"}


@dataclass
class Copy:
    """The text of one story: headline, standfirst and body blocks as (type, value) pairs."""

    headline: str
    standfirst: str
    blocks: list
    dateline: str


class CopyWriter:
    """Writes stories of `words` words from the vocabulary of a topic, with `rng`'s choices.

    A story's first paragraph is its own; the later ones come from a pool of POOL_SIZE
    paragraphs per topic, as wire copy repeats background paragraphs from story to story.
    That also keeps seeding fast: a pooled paragraph's text is extracted once (see
    masthead.articles.text.plain_text), not once per story.
    """

    def __init__(self, rng):
        self.rng = rng
        self.pools: dict[str, list[tuple[str, int]]] = {}

    def fill(self, template: str, topic: dict) -> str:
        return template.format_map(Slots(self.rng, topic))

    def story(self, topic_name: str, words: int) -> Copy:
        topic = TOPICS[topic_name]
        headline = self.fill(self.rng.choice(HEADLINES), topic)
        standfirst = self.fill(self.rng.choice(STANDFIRSTS), topic)
        return Copy(headline, standfirst, self.body(topic_name, words), self.dateline())

    def body(self, topic_name: str, words: int) -> list:
        topic, pool = TOPICS[topic_name], self.pool(topic_name)
        blocks, written, since_heading, used = [], 0, 0, set()
        while written < words:
            kind = self.next_kind(len(blocks), since_heading)
            if kind == "heading":
                value = self.fill(self.rng.choice(CROSSHEADS), topic)
                since_heading = 0
            elif kind == "quote":
                value = self.quote(topic)
                written += len(value["text"].split()) + 4
            else:
                value, count = (
                    self.new_paragraph(topic) if not blocks else pool_pick(self.rng, pool, used)
                )
                written += count
                since_heading += 1
            blocks.append((kind, value))
        return blocks

    def pool(self, topic_name: str) -> list[tuple[str, int]]:
        if topic_name not in self.pools:
            topic = TOPICS[topic_name]
            self.pools[topic_name] = [self.new_paragraph(topic) for _ in range(POOL_SIZE)]
        return self.pools[topic_name]

    def new_paragraph(self, topic: dict) -> tuple[str, int]:
        text = self.paragraph(topic)
        return f"<p>{text}</p>", len(text.split())

    def next_kind(self, position: int, since_heading: int) -> str:
        if position < 2:
            return "paragraph"
        roll = self.rng.random()
        if since_heading >= 4 and roll < 0.35:
            return "heading"
        if roll > 0.9:
            return "quote"
        return "paragraph"

    def paragraph(self, topic: dict) -> str:
        count = self.rng.randint(2, 5)
        return " ".join(self.fill(self.rng.choice(SENTENCES), topic) for _ in range(count))

    def quote(self, topic: dict) -> dict:
        return {
            "text": self.fill(self.rng.choice(QUOTES), topic),
            "verb": self.rng.choice(SPEECH_VERBS),
            "speaker": self.name(),
            "speaker_description": self.rng.choice(ROLES),
        }

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def dateline(self) -> str:
        return self.rng.choice(PLACES).upper() if self.rng.random() < 0.5 else ""


class Slots(dict):
    """The values of a template's slots, each drawn when the template first asks for it;
    a capitalised slot name ({Country}) gives the value with a capital letter."""

    def __init__(self, rng, topic: dict):
        super().__init__()
        self.rng = rng
        self.topic = topic

    def __missing__(self, key: str) -> str:
        value = capitalise(self[key.lower()]) if key[:1].isupper() else self.draw(key)
        self[key] = value
        return value

    def draw(self, key: str) -> str:
        if key == "number":
            return str(self.rng.randint(2, 90))
        if key == "name":
            return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        if key in TOPIC_SLOTS:
            return self.rng.choice(self.topic[TOPIC_SLOTS[key]])
        return self.rng.choice(WORD_LISTS[key])


def pool_pick(rng, pool: list, used: set) -> tuple[str, int]:
    """A paragraph from `pool` that the story has not used yet."""
    while True:
        position = rng.randrange(len(pool))
        if position not in used:
            used.add(position)
            return pool[position]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
