import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plans of the statements the measured endpoints run (as Hibernate sends them, simplified to
 * their from, where and order), on a database the bench loaded: EXPLAIN on H2, EXPLAIN ANALYZE on
 * PostgreSQL. Usage: java -cp 'target/quarkus-app/lib/main/*' bench/load/Explain.java URL USER PASSWORD SID
 */
public class Explain {

    public static void main(String[] args) throws Exception {
        String sid = args[3];
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("login (Accounts)", "select u.id, u.password_hash, m.subcommittee_id, s.name, m.id, m.role from app_user u "
                + "left join committee_member m on m.user_id = u.id and m.active = true "
                + "left join subcommittee s on s.id = m.subcommittee_id where u.username = 'bench'");
        queries.put("submission by id", "select * from submission where id = 500");
        queries.put("its attachments", "select * from attachment where submission_id in (500) order by id");
        queries.put("its pending comments", "select distinct submission_id from submission_comment where submission_id in (500) "
                + "and disposition = 'PENDING'");
        queries.put("submission list: count", "select count(*) from submission e where e.subcommittee_id in (" + sid
                + ") and e.subcommittee_id = " + sid + " and e.status = 'SUBMITTED'");
        queries.put("submission list: page", "select * from submission e where e.subcommittee_id in (" + sid
                + ") and e.subcommittee_id = " + sid + " and e.status = 'SUBMITTED' order by e.id offset 0 rows fetch first 20 rows only");
        queries.put("milestone list: page", "select * from milestone e where e.subcommittee_id = " + sid
                + " order by e.due_on, e.id offset 0 rows fetch first 50 rows only");
        queries.put("milestone list: responsibilityIds", "select * from milestone_responsibility where milestone_id in "
                + "(select id from milestone where subcommittee_id = " + sid + ")");
        queries.put("progress: milestones", "select count(*), sum(case when status = 'DONE' then 1 else 0 end) from milestone "
                + "where subcommittee_id = " + sid);
        queries.put("progress: submissions", "select sum(case when status = 'DRAFT' then 1 else 0 end), "
                + "sum(case when late then 1 else 0 end) from submission where subcommittee_id = " + sid);
        queries.put("progress: comments", "select c.disposition, count(*) from submission_comment c, submission s "
                + "where s.id = c.submission_id and s.subcommittee_id = " + sid + " group by c.disposition");
        String missing = " from milestone m join milestone_responsibility mr on mr.milestone_id = m.id, responsibility r, "
                + "committee_member mem where m.subcommittee_id = " + sid + " and m.status <> 'CANCELLED' "
                + "and r.id = mr.responsibility_id and mem.id = r.member_id and not exists (select 1 from submission s "
                + "where s.milestone_id = m.id and s.responsibility_id = r.id and s.status in ('SUBMITTED', 'ACCEPTED'))";
        queries.put("progress: first 100 missing", "select m.id, m.title, m.due_on, r.id, mem.full_name" + missing
                + " order by m.due_on, m.id, r.id offset 0 rows fetch first 100 rows only");
        queries.put("progress: missing total", "select count(*)" + missing);
        queries.put("audit list: count", "select count(*) from audit_entry e where e.subcommittee_id = " + sid);
        queries.put("audit list: page", "select * from audit_entry e where e.subcommittee_id = " + sid
                + " order by e.id desc offset 0 rows fetch first 20 rows only");
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2]); Statement s = db.createStatement()) {
            boolean postgres = db.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            for (Map.Entry<String, String> q : queries.entrySet()) {
                System.out.println("### " + q.getKey());
                System.out.println();
                System.out.println("```");
                try (ResultSet rs = s.executeQuery((postgres ? "explain (analyze, costs off, timing on) " : "explain ")
                        + q.getValue())) {
                    while (rs.next()) {
                        System.out.println(rs.getString(1));
                    }
                }
                System.out.println("```");
                System.out.println();
            }
        }
    }
}
