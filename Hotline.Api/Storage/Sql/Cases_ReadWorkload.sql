SELECT u.Id AS UserId, u.DisplayName, u.Role, COUNT(c.Id) AS OpenCases
FROM Users AS u
LEFT JOIN Cases AS c ON c.AssigneeId = u.Id AND c.Status = 'Claimed'
WHERE u.Disabled = 0 AND u.Role IN ('Caseworker', 'Supervisor')
GROUP BY u.Id, u.DisplayName, u.Role
ORDER BY u.DisplayName;
