package vn.portal.submission.attachment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.portal.common.persistence.Queries;
import vn.portal.common.problem.ProblemException;
import vn.portal.submission.AttachmentView;
import vn.portal.submission.SubmissionFiles;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepository<Attachment>, SubmissionFiles {

    /** The attachment, when it belongs to that submission; 404 otherwise. */
    public Attachment require(long submissionId, long attachmentId) {
        Attachment attachment = findById(attachmentId);
        if (attachment == null || attachment.submissionId != submissionId) {
            throw ProblemException.notFound("Submission " + submissionId + " has no attachment " + attachmentId + ".");
        }
        return attachment;
    }

    /** The attachments of each of the given submissions, oldest first, in one query. */
    @Override
    public Map<Long, List<AttachmentView>> viewsBySubmission(Collection<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Map.of();
        }
        return Queries.select(getEntityManager(), "from Attachment where submissionId in :ids order by id", Attachment.class)
                .setParameterList("ids", submissionIds).getResultStream()
                .collect(Collectors.groupingBy(a -> a.submissionId, Collectors.mapping(Attachment::view, Collectors.toList())));
    }

    @Override
    public void deleteOf(long submissionId) {
        delete("submissionId", submissionId);
    }
}
