INSERT INTO Referrals (Id, CaseId, PartnerId, Service, Status, CreatedAt, CreatedBy, UpdatedAt)
VALUES (@Id, @CaseId, @PartnerId, @Service, 'Proposed', @CreatedAt, @CreatedBy, @CreatedAt);
