package vn.portal.member;

/** Whether a member holds a responsibility: such a one is deactivated, not deleted. The responsibilities feature knows. */
public interface MemberDuties {

    boolean anyHeldBy(long memberId);
}
