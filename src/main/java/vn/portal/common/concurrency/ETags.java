package vn.portal.common.concurrency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import vn.portal.common.problem.ProblemException;

/**
 * Strong entity tags: a digest of the JSON representation. Every view carries the entity's
 * {@code version}, so a tag also changes on any write, and it changes when a computed field
 * (overdue, headMemberId) does.
 */
@ApplicationScoped
public class ETags {

    @Inject
    ObjectMapper mapper;

    /** A representation as the response sends it, and its tag. */
    public record Tagged(String tag, byte[] json) {
    }

    public String of(SingleResource view) {
        return tagged(view).tag();
    }

    /** The view serialised once: the bytes its tag is the digest of are the bytes the response sends. */
    public Tagged tagged(SingleResource view) {
        try {
            byte[] json = mapper.writeValueAsBytes(view);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return new Tagged('"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"',
                    json);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute an entity tag", e);
        }
    }

    /**
     * Refuses a write whose {@code If-Match} names neither the current tag nor {@code *}.
     * Without the header the write goes ahead (last writer wins).
     */
    public static void requireMatch(String ifMatch, String current) {
        if (ifMatch != null && !matches(ifMatch, current, false)) {
            throw ProblemException.preconditionFailed();
        }
    }

    /**
     * Whether a list of tags names {@code current}: If-Match compares strongly (a weak tag never
     * matches), If-None-Match weakly (RFC 9110).
     */
    public static boolean matches(String header, String current, boolean weak) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (weak ? strip(tag) : tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
