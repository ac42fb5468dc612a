-- Demo schema `shop`, loaded once per sandbox MariaDB instance by sandbox.sh (first creation only).
-- Deterministic pseudo-random data from MariaDB's SEQUENCE engine (seq_1_to_N) and CRC32():
-- customers 20k, products 2k, orders 50k, order_items 100k, reviews 10k. ~2 s alone, ~7 s for four
-- instances loading in parallel on 2 cores. Secondary indexes are built after the load (faster).
CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
USE shop;
SET SESSION unique_checks = 0, foreign_key_checks = 0, slow_query_log = 0;

DROP TABLE IF EXISTS reviews, order_items, orders, products, customers;

CREATE TABLE customers (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT,
  email       VARCHAR(128) NOT NULL,
  full_name   VARCHAR(96)  NOT NULL,
  country     CHAR(2)      NOT NULL,
  city        VARCHAR(48)  NOT NULL,
  segment     ENUM('consumer','business','vip') NOT NULL DEFAULT 'consumer',
  created_at  DATETIME     NOT NULL,
  last_login  DATETIME     NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

CREATE TABLE products (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT,
  sku         VARCHAR(32)  NOT NULL,
  name        VARCHAR(128) NOT NULL,
  category    VARCHAR(32)  NOT NULL,
  price       DECIMAL(10,2) NOT NULL,
  stock       INT          NOT NULL,
  is_active   TINYINT(1)   NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

CREATE TABLE orders (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  customer_id INT UNSIGNED NOT NULL,
  status      ENUM('pending','paid','shipped','delivered','cancelled','refunded') NOT NULL,
  total       DECIMAL(12,2) NOT NULL DEFAULT 0,
  currency    CHAR(3)      NOT NULL DEFAULT 'USD',
  created_at  DATETIME     NOT NULL,
  updated_at  DATETIME     NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

CREATE TABLE order_items (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  order_id    BIGINT UNSIGNED NOT NULL,
  product_id  INT UNSIGNED NOT NULL,
  quantity    SMALLINT UNSIGNED NOT NULL,
  unit_price  DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

CREATE TABLE reviews (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT,
  product_id  INT UNSIGNED NOT NULL,
  customer_id INT UNSIGNED NOT NULL,
  rating      TINYINT UNSIGNED NOT NULL,
  title       VARCHAR(128) NOT NULL,
  body        TEXT NOT NULL,
  created_at  DATETIME NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

START TRANSACTION;

INSERT INTO customers (id, email, full_name, country, city, segment, created_at, last_login)
SELECT seq,
       CONCAT('customer', seq, '@example.', ELT(1 + seq % 4, 'com', 'net', 'org', 'io')),
       CONCAT(ELT(1 + CRC32(CONCAT('f', seq)) % 12, 'Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank',
                  'Grace', 'Heidi', 'Ivan', 'Judy', 'Mallory', 'Olivia'), ' ',
              ELT(1 + CRC32(CONCAT('l', seq)) % 10, 'Smith', 'Chen', 'Garcia', 'Mueller', 'Tanaka',
                  'Dubois', 'Rossi', 'Kowalski', 'Silva', 'Wang')),
       ELT(1 + seq % 8, 'US', 'DE', 'FR', 'CN', 'JP', 'GB', 'BR', 'IN'),
       ELT(1 + CRC32(CONCAT('c', seq)) % 6, 'North', 'South', 'East', 'West', 'Central', 'Harbor'),
       ELT(1 + (seq % 20 = 0) + (seq % 100 = 0), 'consumer', 'business', 'vip'),
       NOW() - INTERVAL (CRC32(CONCAT('d', seq)) % 1095) DAY - INTERVAL (CRC32(CONCAT('t', seq)) % 86400) SECOND,
       IF(seq % 3 = 0, NULL, NOW() - INTERVAL (CRC32(CONCAT('g', seq)) % 129600) MINUTE)
FROM seq_1_to_20000;

INSERT INTO products (id, sku, name, category, price, stock, is_active, created_at)
SELECT seq,
       CONCAT('SKU-', LPAD(seq, 6, '0')),
       CONCAT(ELT(1 + CRC32(CONCAT('a', seq)) % 8, 'Classic', 'Deluxe', 'Eco', 'Mini', 'Pro', 'Smart', 'Ultra', 'Vintage'), ' ',
              ELT(1 + seq % 10, 'Book', 'Headphones', 'Shovel', 'Puzzle', 'Coffee', 'Jacket', 'Racket', 'Lotion',
                  'Lamp', 'Wiper'), ' ', seq),
       ELT(1 + seq % 10, 'books', 'electronics', 'garden', 'toys', 'grocery', 'clothing', 'sports', 'beauty',
           'home', 'automotive'),
       ROUND(1 + (CRC32(CONCAT('p', seq)) % 49900) / 100, 2),
       CRC32(CONCAT('s', seq)) % 500,
       seq % 50 <> 0,
       NOW() - INTERVAL (CRC32(CONCAT('d', seq)) % 1500) DAY
FROM seq_1_to_2000;

-- Two items per order; unit_price is the product's price (same formula as products.price).
INSERT INTO order_items (id, order_id, product_id, quantity, unit_price)
SELECT x.seq, 1 + (x.seq - 1) DIV 2, x.pid, 1 + CRC32(CONCAT('q', x.seq)) % 5,
       ROUND(1 + (CRC32(CONCAT('p', x.pid)) % 49900) / 100, 2)
FROM (SELECT seq, 1 + CRC32(CONCAT('p', seq)) % 2000 AS pid FROM seq_1_to_100000) x;

INSERT INTO orders (id, customer_id, status, total, currency, created_at, updated_at)
SELECT t.order_id,
       1 + CRC32(CONCAT('o', t.order_id)) % 20000,
       ELT(1 + CRC32(CONCAT('s', t.order_id)) % 10, 'delivered', 'delivered', 'delivered', 'delivered', 'shipped',
           'shipped', 'paid', 'pending', 'cancelled', 'refunded'),
       t.total, 'USD',
       NOW() - INTERVAL ((50000 - t.order_id) * 900 + CRC32(CONCAT('m', t.order_id)) % 900) SECOND,
       NOW() - INTERVAL ((50000 - t.order_id) * 900) SECOND
FROM (SELECT order_id, SUM(quantity * unit_price) AS total FROM order_items GROUP BY order_id) t;

INSERT INTO reviews (id, product_id, customer_id, rating, title, body, created_at)
SELECT seq,
       1 + CRC32(CONCAT('rp', seq)) % 2000,
       1 + CRC32(CONCAT('rc', seq)) % 20000,
       1 + CRC32(CONCAT('rr', seq)) % 5,
       ELT(1 + seq % 6, 'Great value', 'Not as described', 'Works fine', 'Would buy again', 'Broke after a week',
           'Fast delivery'),
       CONCAT('Review ', seq, ': ', REPEAT('lorem ipsum dolor sit amet ', 1 + seq % 5)),
       NOW() - INTERVAL (CRC32(CONCAT('rd', seq)) % 700) DAY
FROM seq_1_to_10000;

COMMIT;

-- Secondary indexes after the load: one sorted build per table is much faster than row-by-row upkeep.
ALTER TABLE customers ADD UNIQUE KEY uk_email (email), ADD KEY idx_country_city (country, city),
                      ADD KEY idx_created_at (created_at);
ALTER TABLE products ADD UNIQUE KEY uk_sku (sku), ADD KEY idx_category_price (category, price);
ALTER TABLE orders ADD KEY idx_customer_created (customer_id, created_at), ADD KEY idx_status_created (status, created_at);
ALTER TABLE order_items ADD KEY idx_order (order_id), ADD KEY idx_product (product_id);
ALTER TABLE reviews ADD KEY idx_product_rating (product_id, rating), ADD KEY idx_customer (customer_id);

ANALYZE TABLE customers, products, orders, order_items, reviews;
