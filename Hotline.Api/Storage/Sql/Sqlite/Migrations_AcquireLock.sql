-- Hotline on SQLite is one instance with one file: there is no other instance to wait for.
SELECT 0;
