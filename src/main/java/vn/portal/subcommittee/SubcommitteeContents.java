package vn.portal.subcommittee;

/**
 * What a feature keeps inside a subcommittee (its members, responsibilities, milestones): a
 * subcommittee that still holds anything is not deleted. Each such feature implements it for its
 * own table, so the subcommittee knows none of them.
 */
public interface SubcommitteeContents {

    boolean anyIn(long subcommitteeId);
}
