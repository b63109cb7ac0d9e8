"""Citation keys of the sources the clinical constants come from.

Each key names an entry of the bundled reference list (resources/references.json);
a test checks that every key here resolves there. A constant in this package is
always written next to one of these names and a locator (table, page, abstract).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """Where a number comes from: a citation key and where in the paper."""

    key: str
    locator: str


# SCORTEN derivation (J Invest Dermatol 2000;115:149-153).
BASTUJI_GARIN_2000 = "bastujigarin2000"
# SCORTEN on days 1-5 of hospitalisation; recommends recomputing on day 3.
GUEGAN_2006 = "guegan2006"
# Clinical classification of EM, SJS, overlap and TEN (Arch Dermatol 1993).
BASTUJI_GARIN_1993 = "bastujigarin1993"
# ABCD-10 derivation (JAMA Dermatol 2019).
NOE_2019 = "noe2019"
# ABCD-10 and SCORTEN external validation, Singapore (JAMA Dermatol 2020).
KOH_2020 = "koh2020"
# ABCD-10 and SCORTEN external validation, burn centre (J Am Acad Dermatol 2021).
DUPLISEA_2021 = "duplisea2021"
# US multicentre cohort: SCORTEN over-estimated mortality (J Invest Dermatol 2018).
MICHELETTI_2018 = "micheletti2018"
# Lund-Browder chart (Surg Gynecol Obstet 1944).
LUND_1944 = "lund1944"
# Rule of nines (Lancet 1951).
WALLACE_1951 = "wallace1951"
# Hand and palm as a fraction of body-surface area, adults (Burns 1996).
ROSSITER_1996 = "rossiter1996"
# Meta-analysis of hand-surface fractions (Br J Dermatol 2013).
RHODES_2013 = "rhodes2013"
# IUPAC standard atomic weights, source of the molar masses behind unit factors.
PROHASKA_2022 = "prohaska2022"
# SCORTEN in children: tracked outcome in one retrospective series (Pediatr Dermatol 2017)...
SORRELL_2017 = "sorrell2017"
# ...and over-estimated mortality in another (J Burn Care Res 2024).
GUST_2024 = "gust2024"
# French national protocol (PNDS) for epidermal necrolysis (Orphanet J Rare Dis 2018):
# overlap 10-29 %, TEN 30 % or more.
INGENHOUSZORO_2018 = "ingenhouszoro2018"
# International consensus on follow-up care (2023): overlap written as 10-29 %.
INGENHOUSZORO_2023 = "ingenhouszoro2023"
# ALDEN, drug causality in SJS/TEN (Clin Pharmacol Ther 2010).
SASSOLAS_2010 = "sassolas2010"
