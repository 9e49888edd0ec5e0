package vn.portal.submission.attachment;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * A download answers with the type detected when the file was stored, so its {@code 200} lists
 * every type {@link FileTypes} allows, from the same table the upload checks against.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 90)
public class DownloadTypes implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if ("AttachmentResource_download".equals(operation.getOperationId())) {
            Content content = OASFactory.createContent();
            for (String type : new TreeSet<>(FileTypes.TYPES.values())) {
                content.addMediaType(type, OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .type(List.of(SchemaType.STRING)).format("binary")));
            }
            operation.getResponses().getAPIResponse("200").setContent(content);
        }
        return operation;
    }
}
