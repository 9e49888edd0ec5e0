-- The deadline reminders sent (milestone.due_soon, milestone.overdue): one row per milestone, due
-- date and kind, inserted in the same transaction as the reminder's event. The primary key is the
-- claim that makes each reminder go out once however many instances run the job: of two that
-- remind of the same milestone at once, the second one's insert fails on the key (on PostgreSQL
-- once the first has committed) and its transaction, its event with it, rolls back. A changed due
-- date is another key, so the milestone is reminded of again. The rows go with their milestone.
create table milestone_reminder (
    milestone_id  bigint       not null,
    due_on        date         not null,
    kind          varchar(16)  not null,
    sent_at       timestamp(3) with time zone not null,
    constraint pk_milestone_reminder primary key (milestone_id, due_on, kind),
    constraint fk_milestone_reminder_milestone foreign key (milestone_id) references milestone (id) on delete cascade,
    constraint ck_milestone_reminder_kind check (kind in ('due_soon', 'overdue'))
);

-- The job's scan: the open milestones (PLANNED, IN_PROGRESS) due up to a few days ahead; each one
-- found is then looked up in milestone_reminder by its primary key.
create index ix_milestone_status_due on milestone (status, due_on);
