CREATE TABLE catalog_first (id int);
