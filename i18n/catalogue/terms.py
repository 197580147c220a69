"""The office's words for its units, filled into messages as {term_township} and the like.

Chosen by data_access.terms from the kinds of the office's regions (or its own setting);
the i18n package puts them into every message that names them.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # Township-level units: all 乡/镇; only 街道; both; departments inspected as units
    "terms.township.township": ("乡镇", "township"),
    "terms.townships.township": ("乡镇", "townships"),
    "terms.township.street": ("街道", "sub-district"),
    "terms.townships.street": ("街道", "sub-districts"),
    "terms.township.township_street": ("乡镇（街道）", "township/sub-district"),
    "terms.townships.township_street": ("乡镇（街道）", "townships/sub-districts"),
    "terms.township.unit": ("被巡察单位", "inspected unit"),
    "terms.townships.unit": ("被巡察单位", "inspected units"),
    # Village-level units: 村, 社区, or both
    "terms.village.village": ("村", "village"),
    "terms.villages.village": ("村", "villages"),
    "terms.village.community": ("社区", "community"),
    "terms.villages.community": ("社区", "communities"),
    "terms.village.village_community": ("村（社区）", "village/community"),
    "terms.villages.village_community": ("村（社区）", "villages/communities"),
}
