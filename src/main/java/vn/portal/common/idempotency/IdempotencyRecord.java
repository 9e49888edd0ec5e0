package vn.portal.common.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One user's use of one Idempotency-Key: claimed while its request runs, then the answer it got. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public Long userId;

    @Column(name = "idem_key", nullable = false, updatable = false)
    public String key;

    @Column(name = "request_hash", nullable = false, updatable = false)
    public String requestHash;

    @Column(nullable = false)
    public String state;

    @Column(name = "claim_token", nullable = false)
    public String claimToken;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_type")
    public String responseType;

    @Column(name = "response_location")
    public String responseLocation;

    @Column(name = "response_etag")
    public String responseEtag;

    @Column(name = "response_body")
    public String responseBody;

    StoredResponse response() {
        return new StoredResponse(responseStatus, responseType, responseLocation, responseEtag, responseBody);
    }
}
