package vn.portal.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The business settings of the portal, under {@code portal.} (environment: {@code PORTAL_…}). */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** Where the embedded database and stored files live, relative to the working directory. */
    @WithDefault("./data")
    String dataDir();

    /** Load the news item's story as demo data at start-up; idempotent. */
    @WithDefault("false")
    boolean demoData();
}
