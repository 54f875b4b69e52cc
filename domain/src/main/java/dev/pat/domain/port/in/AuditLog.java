package dev.pat.domain.port.in;

import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditQuery;

import java.util.List;

/** An account's own audit trail: what happened to it and its tokens, and what they did; newest first. */
public interface AuditLog {
    List<AuditEvent> events(AccountId account, AuditQuery query);
}
