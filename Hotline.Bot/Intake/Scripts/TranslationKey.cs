namespace Hotline.Bot.Intake.Scripts;

/// <summary>One text in one language: a step's prompt or a message of an intake script, or a canned reply.</summary>
public readonly record struct TranslationKey(string Language, string TextId);
