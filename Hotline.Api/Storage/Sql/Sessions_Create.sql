INSERT INTO Sessions (Id, UserId, StartedAt)
VALUES (@Id, @UserId, @StartedAt);
