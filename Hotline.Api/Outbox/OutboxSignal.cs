namespace Hotline.Api.Outbox;

/// <summary>Wakes this instance's dispatcher when a commit added outbox rows, so a reply does not wait for the next poll.</summary>
public sealed class OutboxSignal : WakeSignal;
