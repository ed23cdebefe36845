-- Which items still have a row, for a pass over the whole media store: the store's files of any other item were left behind.
-- Read once for the pass rather than once per conversation's folder.
SELECT Id
FROM MediaItems;
