package vn.portal.submission.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;
import vn.portal.common.web.BodyLimits;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;
import vn.portal.submission.AttachmentView;
import vn.portal.submission.Submission;
import vn.portal.submission.SubmissionGate;
import vn.portal.submission.SubmissionGate.Act;
import vn.portal.submission.SubmissionService;

@ApplicationScoped
public class AttachmentService {

    public static final String ENTITY = "attachment";

    /** A download: the attachment and its bytes. */
    public record Download(AttachmentView attachment, InputStream bytes) {
    }

    @Inject
    AttachmentRepository repository;

    @Inject
    SubmissionGate gate;

    @Inject
    Writes writes;

    @Inject
    FileStorage storage;

    @Inject
    PortalClock clock;

    /**
     * Checks the uploaded file (size, type by its bytes, name), stores it durably, then records it
     * on the submission. The bytes are stored before the row is written: a failure in between leaves
     * an unreferenced file, never a row without its bytes.
     */
    public AttachmentView upload(long submissionId, Path file, String clientFileName) {
        requireAttachable(submissionId);
        String fileName = FileNames.clean(clientFileName);
        if (fileName.isEmpty()) {
            throw ProblemException.invalid("file", "must carry a file name");
        }
        try {
            long size = Files.size(file);
            if (size > BodyLimits.MAX_FILE_BYTES) {
                throw BodyLimits.fileTooLarge();
            }
            if (size == 0) {
                throw ProblemException.invalid("file", "is empty");
            }
            String contentType = FileTypes.detect(file, fileName).orElseThrow(() -> ErrorCode.FILE_TYPE_NOT_ALLOWED
                    .problem("The file must be a pdf, doc, docx, xls, xlsx, odt, ods, csv (UTF-8 text), "
                            + "png or jpeg, and its name's extension must agree with its bytes."));
            FileStorage.Stored stored = storage.store(file);
            return record(submissionId, fileName, contentType, stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 404 unless the attachment exists and belongs to that submission. */
    @Transactional
    public Download download(long submissionId, long attachmentId) {
        gate.requireVisible(submissionId);
        Attachment attachment = repository.require(submissionId, attachmentId);
        try {
            return new Download(attachment.view(), storage.open(attachment.sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public void delete(long submissionId, long attachmentId, String ifMatch) {
        writes.delete(kind(submissionId), attachmentId, ifMatch, () -> editing(submissionId),
                (attachment, before) -> gate.touch(gate.requireEditable(gate.require(submissionId))));
    }

    /** An attachment's entity tag: the SHA-256 of its bytes. */
    public static String tagOf(String sha256) {
        return '"' + sha256 + '"';
    }

    /** Fails early, before the bytes are stored, when the submission cannot take a file now. */
    @Transactional
    void requireAttachable(long submissionId) {
        writes.enter(() -> editing(submissionId));
        gate.requireEditable(gate.require(submissionId));
    }

    @Transactional
    AttachmentView record(long submissionId, String fileName, String contentType, FileStorage.Stored stored) {
        return writes.create(kind(submissionId), () -> editing(submissionId), changes -> {
            Submission submission = gate.requireEditable(gate.require(submissionId));
            Attachment attachment = new Attachment();
            attachment.submissionId = submissionId;
            attachment.fileName = fileName;
            attachment.contentType = contentType;
            attachment.size = stored.size();
            attachment.sha256 = stored.sha256();
            attachment.createdAt = clock.now();
            gate.touch(submission);
            return attachment;
        });
    }

    private Scope editing(long submissionId) {
        return gate.guard(submissionId, Act.EDIT, SubmissionService.ENTITY + " " + submissionId);
    }

    /**
     * An attachment is found under its submission, never changes, and is tagged by its content's
     * digest, as its download says.
     */
    private Kind<Attachment, AttachmentView> kind(long submissionId) {
        return Kind.of(ENTITY, Attachment.class, Attachment::view)
                .loadedBy(attachmentId -> repository.require(submissionId, attachmentId))
                .taggedBy(view -> tagOf(view.sha256()));
    }
}
