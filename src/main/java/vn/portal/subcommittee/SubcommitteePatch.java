package vn.portal.subcommittee;

import vn.portal.common.json.Patch;

/** A merge patch of a subcommittee: each field absent, or sent with a value (null clears an optional one). */
public record SubcommitteePatch(Patch<String> code, Patch<String> name, Patch<SubcommitteeKind> kind,
        Patch<String> congress, Patch<Integer> termStart, Patch<Integer> termEnd, Patch<String> description,
        Patch<SubcommitteeStatus> status) {
}
