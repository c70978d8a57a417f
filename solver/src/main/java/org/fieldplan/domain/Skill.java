package org.fieldplan.domain;

/** What a volunteer can do. Precincts may require some of these of every canvasser sent there. */
public enum Skill {
    CANVASS,
    PHONE,
    DRIVER,
    TEAM_LEAD,
    DATA_ENTRY
}
