-- What the demo catalog's services allow beyond the catalog document
-- (migration 023): extensions (展期) of applications that may need a home
-- visit or another office's papers -- those given ten working days or
-- more -- by at most their own period once (行政程序法 §51).  DEMO DATA.
UPDATE services SET ext_days = min(processing_days, 120) WHERE processing_days >= 10;
