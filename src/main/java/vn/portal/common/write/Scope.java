package vn.portal.common.write;

/**
 * Where a write goes, and so what it locks first: inside a subcommittee (locked, and refused while
 * the subcommittee is archived), the subcommittee itself (locked; its own rules decide what an
 * archived one still takes), or no subcommittee at all (users).
 */
public record Scope(Long subcommitteeId, boolean mustBeOpen) {

    /** A write to something inside the subcommittee: its members, plan, submissions and their parts. */
    public static Scope inside(long subcommitteeId) {
        return new Scope(subcommitteeId, true);
    }

    /** A write to the subcommittee's own fields, or its deletion. */
    public static Scope subcommittee(long subcommitteeId) {
        return new Scope(subcommitteeId, false);
    }

    /** A write that belongs to no subcommittee (users), or that creates one. */
    public static Scope none() {
        return new Scope(null, false);
    }
}
