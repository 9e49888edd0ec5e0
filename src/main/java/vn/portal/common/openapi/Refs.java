package vn.portal.common.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** References to the contract's component schemas ({@code #/components/schemas/Name}), for the filters here. */
final class Refs {

    static final String SCHEMAS = "#/components/schemas/";

    private Refs() {
    }

    /** The component a reference names; null for a reference elsewhere or none. */
    static String name(String ref) {
        return ref != null && ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
    }

    /** The component {@code schema} refers to, or {@code schema} itself when it is no reference. */
    static Schema resolve(Map<String, Schema> components, Schema schema) {
        String name = name(schema.getRef());
        return name == null ? schema : components.get(name);
    }
}
