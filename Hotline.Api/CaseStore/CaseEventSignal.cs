namespace Hotline.Api.CaseStore;

/// <summary>Wakes this instance's case event stream when a commit appended case events, so consoles hear of it at once.</summary>
public sealed class CaseEventSignal : WakeSignal;
