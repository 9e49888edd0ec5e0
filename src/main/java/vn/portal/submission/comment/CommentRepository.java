package vn.portal.submission.comment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import vn.portal.common.persistence.Queries;
import vn.portal.common.problem.ProblemException;
import vn.portal.submission.PendingComments;

@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment>, PendingComments {

    public Comment require(long id) {
        Comment comment = findById(id);
        if (comment == null) {
            throw ProblemException.notFound("There is no comment " + id + ".");
        }
        return comment;
    }

    /** The submission of a comment, read without loading it, so the subcommittee can be locked first. */
    public long submissionOf(long id) {
        return getEntityManager().createQuery("select c.submissionId from Comment c where c.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no comment " + id + "."));
    }

    /** Of the given submissions, those with at least one comment still PENDING, in one query. */
    @Override
    public Set<Long> among(Collection<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Set.of();
        }
        return Queries.select(getEntityManager(), """
                select distinct c.submissionId from Comment c
                where c.submissionId in :ids and c.disposition = vn.portal.submission.comment.Disposition.PENDING""", Long.class)
                .setParameterList("ids", submissionIds).getResultStream().collect(Collectors.toSet());
    }
}
