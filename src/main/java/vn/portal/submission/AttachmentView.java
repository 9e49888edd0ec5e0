package vn.portal.submission;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "Attachment")
public record AttachmentView(
        long id,
        @Schema(example = "Số liệu kinh tế 2015–2020.xlsx") String fileName,
        @Schema(example = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") String contentType,
        @Schema(example = "48213") long size,
        @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        Instant createdAt) implements SingleResource {
}
