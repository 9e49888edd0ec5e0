package vn.portal.common.web;

/** Media types the contract names that JAX-RS has no constant for. */
public final class MediaTypes {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private MediaTypes() {
    }
}
