import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleSearchQueryOptions } from '../../api/search-people';

interface PersonSelectProps {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  mode?: 'multiple';
  /** Labels of values chosen before (the current members), so they show names, not ids. */
  known?: readonly { value: string; label: string }[];
  excludeIds?: ReadonlySet<string>;
  placeholder?: string;
  'data-testid'?: string;
}

/** 何静（WJ011 · 办公室）: the same label for people found and people already chosen. */
export const personLabel = (name: string, employeeNo: string, unitName?: string) =>
  `${name}（${employeeNo}${unitName ? ` · ${unitName}` : ''}）`;

/** People by name or 工号, searched on the server as typed. */
export function PersonSelect({
  id,
  value,
  onChange,
  mode,
  known = [],
  excludeIds,
  placeholder,
  ...rest
}: PersonSelectProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useQuery(peopleSearchQueryOptions(q));

  const found = (query.data?.items ?? [])
    .filter((person) => !person.isArchived && !excludeIds?.has(person.id))
    .map((person) => {
      const post = person.posts.find((p) => p.isPrimary) ?? person.posts[0];
      return {
        value: person.id,
        label: personLabel(person.name, person.employeeNo, post?.unitName),
      };
    });
  const knownIds = new Set(known.map((option) => option.value));
  const options = [...known, ...found.filter((option) => !knownIds.has(option.value))];

  return (
    <Select
      id={id}
      mode={mode}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      loading={query.isFetching}
      placeholder={placeholder ?? t('evaluations.people.search')}
      notFoundContent={query.isFetching ? t('evaluations.people.searching') : t('evaluations.people.none')}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}
