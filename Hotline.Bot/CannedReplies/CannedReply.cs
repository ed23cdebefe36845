namespace Hotline.Bot.CannedReplies;

/// <summary>A ready-made sentence a caseworker can insert into a reply. <paramref name="Title"/> is English, for
/// the caseworker; <paramref name="Text"/> is in <paramref name="Language"/>, for the worker. <paramref name="Reviewed"/>
/// says whether a native speaker has checked that language; until then the wording is a machine draft.</summary>
public sealed record CannedReply(string Id, string Title, string Language, string Text, bool Reviewed);
