package vn.portal.responsibility;

/** Chủ trì (leads) or phối hợp (supports). */
public enum ResponsibilityRole {
    LEAD, SUPPORT
}
