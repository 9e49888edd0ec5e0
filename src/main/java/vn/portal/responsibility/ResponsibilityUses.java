package vn.portal.responsibility;

/**
 * What points at a responsibility from above (a milestone expecting it to submit, a submission
 * made under it): one that is used is not deleted. Each such feature implements it for its own table.
 */
public interface ResponsibilityUses {

    boolean anyOf(long responsibilityId);
}
