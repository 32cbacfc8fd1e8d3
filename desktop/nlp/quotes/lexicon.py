"""Word lists for quote extraction: general English, not tied to any article."""

from __future__ import annotations

# Verbs that report speech or writing; a clausal complement makes an
# indirect quote, a quotation next to them a direct one.
SPEECH_VERBS = frozenset(
    """
say tell add claim state announce report warn declare write deny confirm insist
argue explain note suggest testify indicate acknowledge admit assert reveal tweet
comment continue allege stress emphasize emphasise predict promise pledge vow
conclude contend maintain mention observe recall remark reply respond answer
threaten estimate hint concede agree complain caution reiterate disclose
proclaim affirm reckon tweet post publish quip joke boast recount describe
characterize characterise call urge ask demand question counter retort
acknowledge speculate contend lament assure inform advise read
""".split()
)

# Speech verbs that only cue a quote next to quotation marks, never an
# indirect one (their clausal complements are rarely reported speech).
DIRECT_ONLY = frozenset(
    "continue ask question call urge demand describe characterize characterise read".split()
)

# Speech verbs that ask someone to act: "called on X to …", "urged X to …".
DEMAND_VERBS = frozenset("call urge".split())

# Verbs that label something with a quoted word: "called the days “decisive”".
NAMING_VERBS = frozenset(
    """
call describe characterize characterise label brand dub term name accuse cite
deem consider praise condemn slam criticise criticize hail
""".split()
)

# Heads of noun phrases that stand for a document or statement, whose source
# is named by "by/from/of": "a report from the Mexican government".
SOURCE_NOUNS = frozenset(
    """
report statement decree data post tweet study survey figure number document
letter announcement release account analysis poll estimate investigation
message video interview article reports filing ruling order memo note
""".split()
)

# Titles dropped from a person's display name ("President Joe Biden").
TITLES = frozenset(
    """
president vice chancellor prime minister secretary foreign attorney general
governor mayor senator sen. rep. representative congressman congresswoman
mr mr. mrs mrs. ms ms. dr dr. mme mme. prof prof. professor judge justice
chief executive director spokesman spokeswoman spokesperson ambassador
commissioner premier leader lawyer officer sgt. lt. col. gen. capt. deputy
senior superintendent inspector sergeant constable detective administrator
assemblyman assemblywoman councilman councilwoman councillor councilor chairman
chairwoman alderman former interior defence defense finance health state u.s. us uk
bishop archbishop cardinal reverend rev. pastor imam rabbi sheriff colonel admiral
legislator lawmaker
""".split()
)

# Nouns naming a person by role: "the German leader", "the foreign minister".
ROLE_NOUNS = frozenset(
    """
president chancellor minister secretary leader premier governor mayor senator
spokesman spokeswoman spokesperson ambassador king queen pope prince chief
head director executive commissioner judge prosecutor lawyer attorney official
general commander monarch ruler emperor sultan chairman chairwoman chair ceo
founder actor singer coach manager captain bishop archbishop cardinal priest
pastor imam rabbi sheriff colonel admiral professor
""".split()
)

# Nouns that refer back to an organisation: "the network said".
ORG_NOUNS = frozenset(
    """
network publication newspaper paper broadcaster agency outlet channel station
company firm airline carrier manufacturer group organisation organization charity
website site magazine daily tabloid studio label club team union party
""".split()
)

# Family roles, by the gender they say: "the mother said".
FAMILY_NOUNS = {
    "mother": "f", "wife": "f", "daughter": "f", "sister": "f", "grandmother": "f",
    "widow": "f", "father": "m", "husband": "m", "son": "m", "brother": "m",
    "grandfather": "m", "widower": "m",
}

# People in the plural who stand for a named pair or group introduced
# before ("the defendants" for "A and B were charged").
PAIR_NOUNS = frozenset(
    """
defendant suspect man woman victim brother sister couple pair parent founder
researcher scientist author astronaut player candidate
""".split()
)

# Role nouns that fit any head of state or government.
GENERIC_ROLES = frozenset("leader head ruler".split())

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PLURAL_PRONOUNS = frozenset({"they", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

# Demonyms whose stem differs from the country's (others compare by stem).
DEMONYMS = {
    "french": "france",
    "british": "britain",
    "dutch": "netherlands",
    "english": "england",
    "welsh": "wales",
    "scottish": "scotland",
    "irish": "ireland",
    "swiss": "switzerland",
    "greek": "greece",
    "turkish": "turkey",
    "spanish": "spain",
    "danish": "denmark",
    "swedish": "sweden",
    "polish": "poland",
    "finnish": "finland",
    "chinese": "china",
    "japanese": "japan",
    "american": "u.s.",
    "u.s.": "u.s.",
    "us": "u.s.",
    "united": "u.s.",
    "filipino": "philippines",
    "philippine": "philippines",
    "israeli": "israel",
    "iraqi": "iraq",
    "pakistani": "pakistan",
    "thai": "thailand",
    "vietnamese": "vietnam",
    "lebanese": "lebanon",
    "portuguese": "portugal",
}

# "According to X" and its relatives, as (first word, second word or "").
ACCORDING = frozenset({("according", "to"), ("per", "")})

# Role nouns that name the same office in different countries.
ROLE_SYNONYMS = {
    "minister": {"secretary"},
    "secretary": {"minister"},
    "president": {"chairman", "chair", "head"},
    "chancellor": {"premier", "minister"},
    "premier": {"minister", "chancellor"},
    "spokesman": {"spokesperson", "spokeswoman"},
    "spokeswoman": {"spokesperson", "spokesman"},
    "spokesperson": {"spokesman", "spokeswoman"},
}

# Common nouns for people (not roles): a subject like this is a person.
PERSON_NOUNS = frozenset(
    """
person man woman boy girl child son daughter mother father wife husband sister
brother parent resident witness victim survivor protester activist student
teacher doctor nurse worker neighbour neighbor friend relative owner researcher
scientist expert analyst economist historian professor author writer journalist
reporter editor critic supporter opponent member politician lawmaker candidate
voter citizen farmer driver passenger pilot soldier officer policeman detective
investigator prosecutor defendant suspect lawyer attorney spokesman source
official authority police critic family group people organizer organiser
representative delegate leader minister senator judge scholar archaeologist
""".split()
)
