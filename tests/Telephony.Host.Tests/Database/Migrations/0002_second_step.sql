CREATE TABLE catalog_second (id int);
