UPDATE Cases
SET IntakeQuestion = @IntakeQuestion, IntakeQuestions = @IntakeQuestions, Version = Version + 1
WHERE Id = @Id AND Status IN ('Queued', 'Claimed');
