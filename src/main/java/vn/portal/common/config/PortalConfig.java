package vn.portal.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The business settings of the portal, under {@code portal.} (environment: {@code PORTAL_…}). */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** Where the embedded database and stored files live, relative to the working directory. */
    @WithDefault("./data")
    String dataDir();

    /** Load the news item's story as demo data at start-up; idempotent. */
    @WithDefault("false")
    boolean demoData();

    Admin admin();

    Login login();

    Cors cors();

    Export export();

    interface Export {
        /**
         * How many rows a CSV export reads at a time, each batch in its own short transaction and
         * written before the next is read: the memory an export holds, whatever its length.
         */
        @WithDefault("500")
        int batchRows();
    }

    Events events();

    interface Events {
        /** How long the change feed keeps an event; a cursor older than that is expired (410). */
        @WithDefault("90d")
        Duration retention();

        /** How often the sequencer gives committed events their feed position ({@code @Scheduled} reads it). */
        @WithDefault("1s")
        String sequenceEvery();

        /** How often the retention purge runs; {@code off} never (the tests purge by hand). */
        @WithDefault("1h")
        String purgeEvery();

        /**
         * How many days before a milestone's due day (in Asia/Ho_Chi_Minh) its {@code milestone.due_soon}
         * reminder goes out: from that day to the due day itself.
         */
        @WithDefault("3")
        int dueSoonDays();

        /** How often the deadline reminders are looked for; {@code off} never (the tests run them by hand). */
        @WithDefault("1m")
        String remindersEvery();
    }

    Webhooks webhooks();

    interface Webhooks {
        /** Whether a webhook may POST to plain http (https only, by default). */
        @WithDefault("false")
        boolean allowHttp();

        /** Whether a webhook's host may be, or resolve to, a loopback, private, link-local or multicast address. */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /**
         * When a failed delivery is tried again, counted from its first attempt; after the last one it is
         * FAILED and the webhook's next event goes. A 429 or 503 whose Retry-After is longer waits that long.
         */
        @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,24h")
        List<Duration> retryDelays();

        /** How long an attempt may take, connecting included, before it counts as failed. */
        @WithDefault("15s")
        Duration timeout();

        /** How long the previous secret still signs after a rotation. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /** How often the dispatcher looks for events to queue and deliveries due; {@code off}: never (tests run it by hand). */
        @WithDefault("1s")
        String deliverEvery();

        /** How often the delivery metrics are counted again; {@code off}: never (tests count by hand). */
        @WithDefault("15s")
        String metricsEvery();
    }

    interface Cors {
        /** The origins of the browser front ends allowed to call the API (https://vankien.thanhuy.vn). */
        Optional<List<String>> origins();
    }

    interface Admin {
        /**
         * The password of the {@code admin} user created when the database has no user at all;
         * unset, a random one is generated and logged once.
         */
        Optional<String> initialPassword();
    }

    interface Login {
        /** bcrypt's cost factor (log2 of its rounds) for new password hashes. */
        @WithDefault("12")
        int bcryptCost();
    }
}
