"""The demo newsroom's content.

The headlines, dates and excerpt openings of the stories around the reference page come from
SEED-PAGE.md. DEMO CONTENT: every body below, and the stories not in that table, were written
for this demo; they are not the publisher's text.
"""

SITE_NAME = "The Masthead Gazette"
NEWSROOM_TAGLINE = "News from the region and the world"

# (slug, name, kind, job title, bio)
PEOPLE = [
    (
        "asian-lite-news",
        "Asian Lite News",
        "organisation",
        "",
        "A news publication whose reports the desk syndicates.",
    ),
    (
        "newswire",
        "Regional Newswire",
        "organisation",
        "",
        "A news agency supplying the desk with wire copy.",
    ),
    (
        "amara-okafor",
        "Amara Okafor",
        "person",
        "Foreign correspondent",
        "Amara reports on South Asia and the Gulf for the foreign desk.",
    ),
    (
        "tom-becker",
        "Tom Becker",
        "person",
        "Business reporter",
        "Tom covers markets, start-ups and the regional economy.",
    ),
    (
        "leila-haddad",
        "Leila Haddad",
        "person",
        "Guest contributor",
        "Leila writes on European security and the Balkans.",
    ),
]

# (slug, title, parent slug or None, description)
SECTIONS = [
    ("top-news", "Top News", None, "The most important stories of the day."),
    ("world", "World", None, "International news."),
    ("asia", "Asia", "world", "News from across Asia."),
    ("business", "Business", None, "Markets, companies and the economy."),
    ("opinion", "Opinion", None, "Comment and analysis."),
]

REFERENCE_SLUG = "pakistan-quietly-greenlights-security-pact-with-us"

# Stories: section, slug, published (newsroom time), headline, standfirst, credit org slug,
# body paragraphs, byline [(person slug, role)], tags.
STORIES = [
    {
        "section": "business",
        "slug": "inflation-jumps-to-28-in-pakistan",
        "published": "2023-08-01 10:00",
        "headline": "Inflation jumps to 28 in Pakistan",
        "standfirst": "Consumer prices rose faster than forecast as fuel and food costs climbed",
        "credit": "asian-lite-news",
        "body": [
            "Pakistan's annual consumer price inflation rose to 28 per cent in July, official "
            "figures showed, as higher fuel and electricity prices fed through to households.",
            "Economists said the increase would make it harder for the central bank to begin "
            "cutting interest rates before the end of the year.",
        ],
        "bylines": [("tom-becker", "reporting")],
        "tags": ["Pakistan", "Economy"],
    },
    {
        "section": "top-news",
        "slug": "udenz-gets-landmark-success-with-5mln-series-a-funding",
        "published": "2023-08-03 09:00",
        "headline": "Udenz gets landmark success with $5mln series A funding",
        "standfirst": "The start-up will use the money to expand into three new markets",
        "credit": "asian-lite-news",
        "body": [
            "Udenz, a young technology company, has raised five million dollars in a series A "
            "round led by regional investors.",
            "Its founders said the funding would pay for new hires and for expansion into three "
            "new markets over the next eighteen months.",
        ],
        "bylines": [("tom-becker", "author")],
        "tags": ["Start-ups"],
    },
    {
        "section": "top-news",
        "slug": REFERENCE_SLUG,
        "published": "2023-08-03 12:00",
        "reference": True,
        "tags": ["Pakistan", "United States", "Security"],
    },
    {
        "section": "top-news",
        "slug": "putin-hints-at-russias-conditional-return-to-black-sea-grain-deal",
        "published": "2023-08-03 16:00",
        "headline": "Putin hints at Russia’s conditional return to Black Sea Grain deal",
        "standfirst": "Moscow set out terms for rejoining the agreement it left in July",
        "credit": "asian-lite-news",
        "body": [
            "President Vladimir Putin said Russia could return to the Black Sea Grain deal if its "
            "own conditions on exports of food and fertiliser were met.",
            "Ukraine and its allies said the conditions amounted to a demand for sanctions relief.",
        ],
        "bylines": [],
        "tags": ["Russia", "Ukraine"],
    },
    {
        "section": "top-news",
        "slug": "taiwan-tests-new-missile-system",
        "image": True,
        "published": "2025-05-20 10:00",
        "headline": "Taiwan tests new missile system",
        "standfirst": "Visuals released by the MND showed the Land Sword II in action, with "
        "footage capturing the successful launch of the missile system in a test-firing exercise.",
        "credit": None,
        "body": [
            "Taiwan has conducted back-to-back military drills in recent weeks, and the defence "
            "ministry said the new system would be deployed by the end of next year.",
            "Officials described the test as routine and part of the annual training programme.",
        ],
        "bylines": [("newswire", "author")],
        "tags": ["Taiwan", "Security"],
    },
    {
        "section": "top-news",
        "slug": "bnp-seeks-non-interference-with-india",
        "published": "2025-05-21 10:00",
        "headline": "BNP seeks non-interference with India",
        "standfirst": "Calls for non-interference, long-term cooperation, and bilateral "
        "trust-building as region faces new challenges",
        "credit": None,
        "body": [
            "A senior leader of the Bangladesh Nationalist Party (BNP) has emphasised the need for "
            "India and Bangladesh to build relations on mutual respect rather than on ties "
            "between particular parties.",
            "The party said it wanted closer trade links and cooperation on shared rivers.",
        ],
        "bylines": [("amara-okafor", "reporting")],
        "tags": ["Bangladesh", "India"],
    },
    {
        "section": "top-news",
        "slug": "no-military-fix-for-ukraine-war-says-rubio",
        "image": True,
        "published": "2025-05-22 10:00",
        "headline": "No Military Fix for Ukraine War, Says Rubio",
        "standfirst": "Rubio stated that the US hopes that progress will soon be made in the "
        "negotiation process…",
        "credit": "asian-lite-news",
        "body": [
            "U.S. Secretary of State Marco Rubio stated on Thursday that the Russia-Ukraine "
            "conflict would not be ended on the battlefield and could only be settled at the "
            "negotiating table.",
            "He said Washington would keep talking to both sides.",
        ],
        "bylines": [],
        "tags": ["Ukraine", "United States", "Russia"],
    },
    {
        "section": "top-news",
        "slug": "54-killed-in-overnight-airstrikes-in-gaza",
        "image": True,
        "published": "2025-05-23 10:00",
        "headline": "54 killed in overnight airstrikes in Gaza",
        "standfirst": "It was the second night of heavy bombing, after airstrikes Wednesday on "
        "northern and southern Gaza killed at least 70 people, including almost two dozen "
        "children",
        "credit": None,
        "body": [
            "Multiple airstrikes have hit Gaza’s southern city of Khan Younis overnight, local "
            "health officials said, as aid agencies warned of worsening shortages.",
            "Hospitals in the south said they were struggling to treat the wounded.",
        ],
        "bylines": [("newswire", "author")],
        "tags": ["Gaza", "Middle East"],
    },
    {
        "section": "opinion",
        "slug": "kosovo-flareup-kurtis-rift-with-the-us-is-alarming",
        "published": "2025-05-10 08:00",
        "headline": "KOSOVO FLAREUP: Kurti’s Rift With The US Is Alarming",
        "standfirst": "It is time for Kosovo’s Prime Minister Kurti to wake up to what the "
        "quarrel with Washington costs his country",
        "credit": None,
        "body": [
            "Few governments owe as much to American support as Kosovo's, and few can less "
            "afford to lose it.",
            "The prime minister should mend the relationship before the damage becomes lasting.",
        ],
        "bylines": [("leila-haddad", "author")],
        "tags": ["Kosovo", "United States"],
    },
    {
        "section": "asia",
        "slug": "chinas-gift-to-pak-a-gambit-in-indian-ocean",
        "image": True,
        "published": "2025-05-15 08:00",
        "headline": "China’s gift to Pak a gambit in Indian Ocean",
        "standfirst": "The frigate is the largest and most advanced warship China has ever "
        "handed to another navy",
        "credit": "asian-lite-news",
        "body": [
            "Analysts said the transfer gives Beijing a stronger presence in waters that India "
            "regards as its own backyard.",
            "Pakistan's navy said the ship would be based in Karachi.",
        ],
        "bylines": [("amara-okafor", "author")],
        "tags": ["China", "Pakistan", "Indian Ocean"],
    },
    {
        "section": "world",
        "slug": "coastal-cities-plan-for-higher-seas",
        "image": True,
        "published": "2025-05-18 14:30",
        "headline": "Coastal cities draw up plans for higher seas",
        "standfirst": "Mayors from twelve port cities agreed to share flood defence designs",
        "credit": None,
        "body": [
            "Mayors meeting in Lisbon agreed to pool engineering work on sea walls and drainage, "
            "saying no city could afford to design its defences alone.",
            "The plan will be reviewed at a second meeting next spring.",
        ],
        "bylines": [("amara-okafor", "reporting")],
        "tags": ["Climate"],
    },
    {
        "section": "business",
        "slug": "regional-airline-orders-twenty-new-jets",
        "image": True,
        "published": "2025-05-19 11:15",
        "headline": "Regional airline orders twenty new jets",
        "standfirst": "The order is the carrier's largest since it was founded",
        "credit": None,
        "body": [
            "The airline said the new aircraft would burn less fuel and let it open routes to "
            "smaller airports.",
            "Deliveries are due to begin in two years.",
        ],
        "bylines": [("tom-becker", "reporting")],
        "tags": ["Aviation", "Economy"],
    },
]

# DEMO CONTENT: the one story dated at the moment the demo loads it, so that a fresh demo's news
# sitemap (the stories of the last two days) is never empty. It has no "published" date of its
# own: the loader dates it "now" when it creates it, and each later run of `masthead demo`
# publishes it again, as a new revision dated "now" at the same URL (see DemoLoader.live_story).
# Its text is written to stay true whatever the day. It is in World, not Top News, and not a
# Don't Miss pick, so that the reference page does not change.
LIVE_STORY = {
    "section": "world",
    "slug": "world-briefing-port-cities-test-their-shared-flood-gates",
    "image": True,
    "headline": "World briefing: port cities test their shared flood gates",
    "standfirst": "Engineers closed the first storm gates built to the cities' shared designs "
    "against a high tide, and said they held",
    "credit": "newswire",
    "dateline": "LISBON",
    "body": [
        "Port cities that agreed to pool their flood defence designs have begun testing the "
        "first gates built to the shared plans, closing them against a high tide for the first "
        "time.",
        "Engineers in Lisbon said the gates sealed within the time allowed and that no water "
        "came over the sea wall behind them.",
        "This briefing is updated through the day: the desk adds the results from the other "
        "cities as they report.",
    ],
    "bylines": [("amara-okafor", "reporting")],
    "tags": ["Climate", "Briefing"],
}

# In this order; the reference story is not among them (a page never picks itself).
DONT_MISS = [
    "kosovo-flareup-kurtis-rift-with-the-us-is-alarming",
    "chinas-gift-to-pak-a-gambit-in-indian-ocean",
]

# The lead and top stories pinned on the front page, as the desk would pin them: the front page
# stays the same when newer stories arrive (the live story above goes to the top of "Latest").
# Pins only change the front page, never the reference page.
FRONT_PAGE_LEAD = "54-killed-in-overnight-airstrikes-in-gaza"
FRONT_PAGE_TOP = [
    "no-military-fix-for-ukraine-war-says-rubio",
    "bnp-seeks-non-interference-with-india",
    "taiwan-tests-new-missile-system",
    "regional-airline-orders-twenty-new-jets",
]

# DEMO CONTENT: a month of short market reports, so that Business has more than one page.
MARKET_MOVES = [
    ("Shares close higher as bank stocks recover", "Banks led the gains"),
    ("Shares slip as oil prices climb", "Energy costs weighed on airlines and carmakers"),
    ("Currency steadies after central bank comments", "Traders read the remarks as a pause"),
    ("Retailers rally on strong spending figures", "Household spending beat forecasts"),
    ("Tech shares fall back after a record week", "Investors took profits"),
    ("Bond yields ease as inflation cools", "Prices rose more slowly than expected"),
]


def market_briefs(count: int = 24) -> list[dict]:
    briefs = []
    for day in range(1, count + 1):
        headline, standfirst = MARKET_MOVES[day % len(MARKET_MOVES)]
        briefs.append(
            {
                "section": "business",
                "slug": f"markets-brief-2025-04-{day:02d}",
                "published": f"2025-04-{day:02d} 17:30",
                "headline": f"Markets brief, April {day}: {headline}",
                "standfirst": f"{standfirst} on a day of {'busy' if day % 2 else 'thin'} trading",
                "credit": None,
                "body": [
                    f"The main index ended the session {'up' if day % 3 else 'down'} "
                    f"{(day % 7) / 10 + 0.2:.1f} per cent, with {'most' if day % 2 else 'half'} "
                    "of the listed companies moving in the same direction.",
                    "Analysts said the coming week's figures on jobs and prices would set "
                    "the tone.",
                ],
                "bylines": [("tom-becker", "reporting")],
                "tags": ["Markets", "Economy"],
            }
        )
    return briefs


STORIES += market_briefs()
