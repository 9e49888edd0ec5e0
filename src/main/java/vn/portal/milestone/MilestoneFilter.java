package vn.portal.milestone;

import java.time.LocalDate;

/** The filters of a subcommittee's milestone list; a null filter is not applied. Date bounds are inclusive. */
public record MilestoneFilter(MilestoneStatus status, Boolean overdue, LocalDate dueFrom, LocalDate dueTo, String q) {
}
