package vn.portal.common.concurrency;

/**
 * Marks a view that is one resource's representation: it gets an {@code ETag} computed from
 * exactly what is sent, so the tag changes whenever any field does, computed ones included.
 */
public interface SingleResource {
}
